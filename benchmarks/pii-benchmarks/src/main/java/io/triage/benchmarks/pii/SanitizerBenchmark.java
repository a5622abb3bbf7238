package io.triage.benchmarks.pii;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizedText;
import io.triage.pii.SanitizerSettings;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tickets per second through {@link PiiSanitizer#sanitize(String)} on the project's synthetic tickets (subject and
 * description joined, 184 characters on average), one ticket per operation, for three detector sets:
 * {@code structured} (patterns and validators only), {@code rules} (plus name rules with built-in lists) and
 * {@code rules+model} (plus the shipped OpenNLP model, the default).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SanitizerBenchmark {

    private static final int TICKETS = 2_000;

    @Param({"structured", "rules", "rules+model"})
    public String detectors;

    private List<String> tickets;
    private PiiSanitizer sanitizer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        tickets = new TicketGenerator(3).generate(TICKETS).stream()
                .map(SanitizerBenchmark::text)
                .toList();
        SanitizerSettings defaults = SanitizerSettings.defaults();
        sanitizer = switch (detectors) {
            case "structured" -> defaults.withNamedEntities(false, false).build();
            case "rules" -> defaults.withNamedEntities(true, false).build();
            default -> defaults.build();
        };
    }

    @Benchmark
    public SanitizedText sanitizeOneTicket() {
        String ticket = tickets.get(next);
        next = next + 1 == tickets.size() ? 0 : next + 1;
        return sanitizer.sanitize(ticket);
    }

    private static String text(SyntheticTicket ticket) {
        return ticket.subject() + "\n" + ticket.description();
    }
}
