package io.triage.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.classify.testing.PublishedRules;
import io.triage.classify.tier.RuleMatch;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import io.triage.platform.PlatformProperties;
import io.triage.platform.client.ResilientCalls;
import io.triage.rules.trust.RuleTrust;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** The rules tier in local mode, against a stand-in of rules-engine that publishes rule sets and evaluates nothing. */
class RuleTierLocalTests {

    final StubServer server = new StubServer();
    final PublishedRules published = new PublishedRules();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    LocalRuleSet local;
    RuleTier tier;
    /** The rules' confirmed outcomes as the decision log would give them: {confirmed, correct}. */
    long[] outcomes = {0, 0};

    @BeforeEach
    void setUp() {
        server.on("GET", "/rules", published::answer);
        RulesEngine client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(
                RestClient.builder().baseUrl(server.baseUrl()).build())).build().createClient(RulesEngine.class);
        RulesTierProperties settings = new RulesTierProperties(true, 0.85, Duration.ofMillis(150),
                RulesTierProperties.Evaluation.LOCAL, Duration.ofSeconds(2), 60, 0.95, Duration.ofSeconds(30));
        local = new LocalRuleSet(client, settings, meters);
        tier = new RuleTier(client, new ResilientCalls(new PlatformProperties.Resilience(1, Duration.ofMillis(10), 2,
                0.5f, 50, 20, 10, Duration.ofSeconds(10)), meters), settings, local,
                (rule, declared) -> RuleTrust.of(outcomes[0], outcomes[1], declared, settings.trustPolicy()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static TierContext ticket(String description) {
        return new TierContext(new SanitisedTicket("T1", "Help", description, "email", null, "servicenow"), Map.of());
    }

    @Test
    void skippedAsWhenRulesEngineIsUnreachableUntilARuleSetArrives() {
        TierOutcome outcome = tier.decide(ticket("my account locked again"));

        assertThat(outcome).isEqualTo(new TierOutcome.Skipped("rules-engine unavailable (no rule set fetched yet)"));
    }

    @Test
    void confidentRuleDecidesWithoutCallingRulesEngine() {
        int version = published.publish("""
                rules:
                  - {id: L1, pattern: "account locked", department: Security, urgency: High, confidence: 0.95}
                """);
        local.refresh();
        TierContext context = ticket("my account locked again");

        TierOutcome outcome = tier.decide(context);

        assertThat(outcome).isInstanceOf(TierOutcome.Decided.class);
        assertThat(context.ruleMatch()).isEqualTo(new RuleMatch("L1", "Security", "High", 0.95, true,
                "account locked", String.valueOf(version)));
        assertThat(server.received("/rules/evaluate")).isEmpty();
    }

    @Test
    void ruleBelowRulesEnginesThresholdOnlyMatches() {
        published.publish("""
                rules:
                  - {id: L1, pattern: "account locked", department: Security, urgency: High, confidence: 0.9}
                """);
        published.shortCircuitConfidence(0.95);
        local.refresh();
        TierContext context = ticket("my account locked again");

        TierOutcome outcome = tier.decide(context);

        assertThat(outcome).isEqualTo(new TierOutcome.Undecided("rule L1 matched with confidence 0.9"));
        assertThat(context.ruleMatch()).extracting(RuleMatch::shortCircuit).isEqualTo(false);
    }

    @Test
    void ruleWhoseMeasuredBoundFellBelowTheBarOnlyMatches() {
        published.publish("""
                rules:
                  - {id: L1, pattern: "account locked", department: Security, urgency: High, confidence: 0.95}
                """);
        local.refresh();
        outcomes = new long[] {60, 41};
        TierContext context = ticket("my account locked again");

        TierOutcome outcome = tier.decide(context);

        assertThat(outcome).isEqualTo(new TierOutcome.Undecided("rule L1 matched but no longer short-circuits: it was "
                + "right 41 of 60 confirmed times (lower bound 0.578 < 0.95)"));
        assertThat(context.ruleMatch()).extracting(RuleMatch::ruleId, RuleMatch::shortCircuit)
                .containsExactly("L1", false);
    }

    @Test
    void ruleWithTooFewOutcomesKeepsItsDeclaredConfidence() {
        published.publish("""
                rules:
                  - {id: L1, pattern: "account locked", department: Security, urgency: High, confidence: 0.95}
                """);
        local.refresh();
        outcomes = new long[] {59, 0};

        TierOutcome outcome = tier.decide(ticket("my account locked again"));

        assertThat(outcome).isInstanceOfSatisfying(TierOutcome.Decided.class,
                decided -> assertThat(decided.department().confidence()).isEqualTo(0.95));
    }

    @Test
    void ruleRightEveryTimeDecidesWithItsMeasuredBound() {
        published.publish("""
                rules:
                  - {id: L1, pattern: "account locked", department: Security, urgency: High, confidence: 0.9}
                """);
        local.refresh();
        outcomes = new long[] {100, 100};

        TierOutcome outcome = tier.decide(ticket("my account locked again"));

        assertThat(outcome).isInstanceOfSatisfying(TierOutcome.Decided.class, decided -> {
            assertThat(decided.department().confidence()).isCloseTo(100 / (100 + 1.645 * 1.645),
                    within(1e-9));
            assertThat(decided.summary()).contains("right 100 of 100 confirmed times");
        });
    }

    @Test
    void ticketLargerThanRulesEngineAcceptsIsSkipped() {
        published.publish(PublishedRules.NO_RULES);
        local.refresh();

        TierOutcome outcome = tier.decide(ticket("x".repeat(20_001)));

        assertThat(outcome).isEqualTo(new TierOutcome.Skipped("ticket longer than the rules' 20000 characters"));
    }
}
