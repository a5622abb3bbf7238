package io.triage.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.classify.testing.PublishedRules;
import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.RuleVerdict;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.RuleSetParser;
import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubServer;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The rule set classify-service evaluates in-process, fetched over real HTTP from a stand-in of rules-engine's
 * {@code GET /rules}.
 */
class LocalRuleSetTests {

    static final String ONE_RULE = """
            rules:
              - {id: X1, pattern: refund, department: Sales, urgency: Low, confidence: 0.9}
            """;

    final StubServer server = new StubServer();
    final PublishedRules published = new PublishedRules();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    LocalRuleSet rules;

    @BeforeEach
    void serveRules() throws IOException {
        server.on("GET", "/rules", published::answer);
        published.publish(shippedRules());
        RulesEngine client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(
                RestClient.builder().baseUrl(server.baseUrl()).build())).build().createClient(RulesEngine.class);
        rules = new LocalRuleSet(client, new RulesTierProperties(true, 0.85, Duration.ofMillis(150),
                RulesTierProperties.Evaluation.LOCAL, Duration.ofSeconds(2), 60, 0.95, Duration.ofSeconds(30)), meters);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void nothingToEvaluateBeforeTheFirstFetch() {
        assertThat(rules.current()).isEmpty();
        assertThat(meters.get("rules.rule.set.version").gauge().value()).isNaN();
    }

    @Test
    void answersExactlyAsRulesCoreEvaluationDoes() throws IOException {
        rules.refresh();
        LoadedRuleSet loaded = rules.current().orElseThrow();
        CompiledRuleSet reference = new RuleCompiler(20_000, 64).compile(
                new RuleSetParser().parse(shippedRules()).ruleSetOrThrow());

        int fired = 0;
        for (SyntheticTicket ticket : new TicketGenerator(17).generate(2_000)) {
            RulesEngine.Verdict verdict = rules.evaluate(loaded, new RulesEngine.Evaluation(ticket.ticketId(),
                    ticket.subject(), ticket.description(), ticket.channel()));
            RuleVerdict expected = reference.evaluate(new TicketText(ticket.subject(), ticket.description(),
                    ticket.channel()));
            assertThat(verdict.ruleSetVersion()).isEqualTo(8);
            if (expected instanceof RuleVerdict.Fired hit) {
                fired++;
                assertThat(verdict.matched()).isTrue();
                assertThat(verdict.ruleId()).isEqualTo(hit.rule().id());
                assertThat(verdict.department()).isEqualTo(hit.rule().department());
                assertThat(verdict.urgency()).isEqualTo(hit.rule().urgency());
                assertThat(verdict.confidence()).isEqualTo(hit.rule().confidence());
                assertThat(verdict.shortCircuit()).isEqualTo(hit.rule().confidence() >= 0.85);
                assertThat(verdict.span()).isEqualTo(new RulesEngine.Span(hit.span().field().name(),
                        hit.span().text()));
            } else {
                assertThat(verdict).isEqualTo(new RulesEngine.Verdict(false, null, null, null, null, false, 8, null));
            }
        }
        assertThat(fired).as("the generated tickets exercise the rules").isGreaterThan(100);
        assertThat(meters.find("rules.hits").counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(2_000);
        assertThat(meters.get("rules.hits").tag("rule", "none").counter().count()).isEqualTo(2_000 - fired);
    }

    @Test
    void unchangedRuleSetIsNotFetchedAgain() {
        rules.refresh();
        LoadedRuleSet first = rules.current().orElseThrow();

        rules.refresh();

        assertThat(rules.current()).containsSame(first);
        List<String> sent = server.received("/rules").stream().map(r -> r.header("If-None-Match")).toList();
        assertThat(sent).containsExactly(null, published.etag());
        assertThat(server.received("/rules")).hasSize(2);
    }

    @Test
    void publishedChangeIsSwappedIn() {
        rules.refresh();

        int version = published.publish(ONE_RULE);
        rules.refresh();

        LoadedRuleSet now = rules.current().orElseThrow();
        assertThat(now.version()).isEqualTo(version);
        assertThat(now.etag()).isEqualTo(published.etag());
        assertThat(rules.evaluate(now, new RulesEngine.Evaluation("T1", "", "a refund please", "email")).ruleId())
                .isEqualTo("X1");
        assertThat(meters.get("rules.rule.set.version").gauge().value()).isEqualTo(version);
    }

    @Test
    void rulesEnginesShortCircuitThresholdTravelsWithTheSet() {
        published.publish(ONE_RULE);
        published.shortCircuitConfidence(0.95);
        rules.refresh();

        RulesEngine.Verdict verdict = rules.evaluate(rules.current().orElseThrow(),
                new RulesEngine.Evaluation("T1", "", "a refund please", "email"));

        assertThat(verdict.confidence()).isEqualTo(0.9);
        assertThat(verdict.shortCircuit()).as("0.9 is below rules-engine's 0.95").isFalse();
    }

    @Test
    void failedRefreshKeepsTheLastGoodSetAndIsCounted() {
        rules.poll();
        LoadedRuleSet good = rules.current().orElseThrow();

        server.fail("/rules", StubFailure.status(503));
        assertThatThrownBy(rules::refresh).isInstanceOf(RuntimeException.class);
        rules.poll();
        server.heal();
        published.publish("rules:\n  - {id: BAD, pattern: '^x', regex: true, department: D, urgency: Low}\n");
        rules.poll();

        assertThat(rules.current()).containsSame(good);
        assertThat(meters.get("rules.rule.set.refresh.failures").counter().count()).isEqualTo(2);
        published.publish(ONE_RULE);
        rules.poll();
        assertThat(rules.current().orElseThrow().version()).isEqualTo(good.version() + 2);
    }

    @Test
    void aRejectedSetIsNotCompiledAgainOnEveryPoll() {
        rules.refresh();
        published.publish("rules:\n  - {id: BAD, pattern: '^x', regex: true, department: D, urgency: Low}\n");

        assertThatThrownBy(rules::refresh).hasMessageContaining("anchors");
        assertThatThrownBy(rules::refresh).hasMessageContaining("did not compile here before");
        assertThat(rules.current().orElseThrow().version()).isEqualTo(8);
    }

    private static String shippedRules() throws IOException {
        try (InputStream in = LocalRuleSetTests.class.getResourceAsStream("/rules/initial-rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
