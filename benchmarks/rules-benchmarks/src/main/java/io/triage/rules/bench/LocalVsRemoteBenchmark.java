package io.triage.rules.bench;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.RuleVerdict;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.Rule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * classify-service's rules tier both ways, per ticket, on the 10 shipped rules: {@code local} evaluates the compiled
 * set in-process and builds the verdict (what {@code evaluation=local} does); {@code remote} sends the ticket as JSON
 * to a running rules-engine's {@code POST /rules/evaluate} (system property {@code rules.url}) and reads the answer
 * (what {@code evaluation=remote} does, minus classify's JSON mapping, tracing and circuit breaker: a lower bound).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LocalVsRemoteBenchmark {

    /** What the tier needs from a verdict (classify's {@code RulesEngine.Verdict}). */
    record Verdict(boolean matched, @Nullable String ruleId, @Nullable String department, @Nullable String urgency,
            @Nullable Double confidence, boolean shortCircuit, int ruleSetVersion, @Nullable String span) {
    }

    private static final double SHORT_CIRCUIT = 0.85;

    private List<TicketText> tickets;
    private CompiledRuleSet compiled;
    private HttpClient http;
    private URI evaluate;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        compiled = new RuleCompiler(20_000, 64).compile(BenchmarkRules.shipped());
        tickets = BenchmarkTickets.draw(compiled);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        evaluate = URI.create(System.getProperty("rules.url", "http://127.0.0.1:18081") + "/rules/evaluate");
        next = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        http.close();
    }

    private TicketText nextTicket() {
        TicketText ticket = tickets.get(next);
        next = next + 1 == tickets.size() ? 0 : next + 1;
        return ticket;
    }

    @Benchmark
    public Verdict local() {
        return evaluateLocally(compiled, nextTicket());
    }

    @Benchmark
    public String remote() throws IOException, InterruptedException {
        return evaluateRemotely(http, evaluate, nextTicket());
    }

    static Verdict evaluateLocally(CompiledRuleSet compiled, TicketText ticket) {
        if (compiled.evaluate(ticket) instanceof RuleVerdict.Fired fired) {
            Rule rule = fired.rule();
            return new Verdict(true, rule.id(), rule.department(), rule.urgency(), rule.confidence(),
                    rule.confidence() >= SHORT_CIRCUIT, 1, fired.span().text());
        }
        return new Verdict(false, null, null, null, null, false, 1, null);
    }

    static String evaluateRemotely(HttpClient http, URI evaluate, TicketText ticket)
            throws IOException, InterruptedException {
        String body = "{\"ticketId\":\"bench\",\"subject\":" + quoted(ticket.subject()) + ",\"description\":"
                + quoted(ticket.description()) + ",\"channel\":" + quoted(ticket.channel()) + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(evaluate)
                .header("Content-Type", "application/json").header("X-API-Key", "local-classify-service-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("rules-engine answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    List<TicketText> tickets() {
        return tickets;
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
