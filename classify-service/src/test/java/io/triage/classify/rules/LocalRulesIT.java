package io.triage.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.chain.TicketInput;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.TestModel;
import io.triage.classify.tier.ClassificationResult;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.RoutingMethod;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules tier in its default, local mode on the real service: the rule set comes from rules-engine's
 * {@code GET /rules} (a stand-in publishing versions), is compiled here, and tickets are answered without a call to
 * {@code POST /rules/evaluate}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.tiers.rules.refresh-interval=200ms",
        "triage.classify.tiers.cache.timeout=2s"})
@IsolatedBackingServices
@Import(TestModel.class)
class LocalRulesIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Downstreams downstreams = new Downstreams();
    static final String LOCKED_TO_SECURITY = """
            rules:
              - {id: L1, pattern: "account locked", department: Security, urgency: High, confidence: 0.95}
            """;
    static final String LOCKED_TO_BILLING = """
            rules:
              - {id: L2, pattern: "account locked", department: Billing, urgency: Low, confidence: 0.9}
            """;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
    }

    @BeforeEach
    void quietDependencies() {
        downstreams.quiet();
    }

    ClassificationResult classify(String id) {
        TicketInput ticket = new TicketInput(id, "Locked out", "My account locked after three attempts", "email",
                "CUST-42", "servicenow");
        var response = ServiceHttp.onPort(port).post("/classify", ApiKeys.CLASSIFIER, JSON.writeValueAsString(ticket));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), ClassificationResult.class);
    }

    @Test
    void publishedRuleDecidesInProcessWithoutACallPerTicket() {
        String version = String.valueOf(downstreams.publishedRules().publish(LOCKED_TO_SECURITY));

        ClassificationResult result = await().atMost(Duration.ofSeconds(30)).until(() -> classify("T-LOCAL-1"),
                r -> version.equals(r.ruleSetVersion()));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.RULE);
        assertThat(result.department()).isEqualTo(new LabelScore("Security", 0.95));
        assertThat(result.explanation().matchedRule()).isEqualTo("L1");
        assertThat(result.explanation().matchedText()).isEqualTo("account locked");
        assertThat(downstreams.rules().received("/rules/evaluate")).as("no call per ticket").isEmpty();
        // The set may already be in use from an earlier test (same YAML, same ETag): wait for the next poll.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(downstreams.rules().received("/rules"))
                .as("polled with the ETag")
                .anySatisfy(request -> assertThat(request.header("If-None-Match")).isNotNull()));
        assertThat(meters.get("rules.hits").tag("rule", "L1").counter().count()).isPositive();
        assertThat(meters.get("rules.rule.set.version").gauge().value()).isEqualTo(Double.parseDouble(version));
    }

    @Test
    void publishedChangeIsPickedUpWithoutRestart() {
        String first = String.valueOf(downstreams.publishedRules().publish(LOCKED_TO_SECURITY));
        await().atMost(Duration.ofSeconds(30)).until(() -> classify("T-LOCAL-2").ruleSetVersion(), first::equals);

        String second = String.valueOf(downstreams.publishedRules().publish(LOCKED_TO_BILLING));
        ClassificationResult result = await().atMost(Duration.ofSeconds(30)).until(() -> classify("T-LOCAL-3"),
                r -> second.equals(r.ruleSetVersion()));

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.RULE);
        assertThat(result.department().label()).isEqualTo("Billing");
        assertThat(result.explanation().matchedRule()).isEqualTo("L2");
    }

    @Test
    void metricsTheRuleSetStaleAlertNamesAreExported() throws IOException {
        String version = String.valueOf(downstreams.publishedRules().publish(LOCKED_TO_SECURITY));
        await().atMost(Duration.ofSeconds(30)).until(() -> classify("T-LOCAL-6").ruleSetVersion(), version::equals);

        var response = ServiceHttp.onPort(port).get("/actuator/prometheus", ApiKeys.OPS);
        String alerts = Files.readString(Path.of("..", "grafana", "alerts", "triage-alerts.yml"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(alerts).contains("alert: TriageRuleSetStale",
                "rules_rule_set_staleness_seconds{application=\"classify-service\"}");
        // The application label comes from the scrape configuration (as for the suite's other alerts), not the service.
        assertThat(response.body())
                .containsPattern("(?m)^rules_rule_set_staleness_seconds(\\{[^}]*})? ")
                .containsPattern("(?m)^rules_rule_set_version(\\{[^}]*})? " + version)
                .containsPattern("(?m)^rules_rule_set_refresh_failures_total(\\{[^}]*})? ")
                .containsPattern("(?m)^rules_hits_total\\{[^}]*rule=\"L1\"");
    }

    @Test
    void rulesEngineDownKeepsTheLastGoodSet() {
        String version = String.valueOf(downstreams.publishedRules().publish(LOCKED_TO_SECURITY));
        await().atMost(Duration.ofSeconds(30)).until(() -> classify("T-LOCAL-4").ruleSetVersion(), version::equals);
        Counter failures = meters.get("rules.rule.set.refresh.failures").counter();
        double before = failures.count();

        downstreams.rules().stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> failures.count() > before);
        ClassificationResult result = classify("T-LOCAL-5");

        assertThat(result.routingMethod()).isEqualTo(RoutingMethod.RULE);
        assertThat(result.ruleSetVersion()).isEqualTo(version);
        assertThat(result.explanation().matchedRule()).isEqualTo("L1");
    }
}
