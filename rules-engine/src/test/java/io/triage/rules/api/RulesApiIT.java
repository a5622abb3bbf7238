package io.triage.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class RulesApiIT {

    @LocalServerPort
    int port;

    ServiceHttp http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.onPort(port);
    }

    @Test
    void evaluatesWithTheShippedRulesAndShortCircuitsConfidentMatches() {
        HttpResponse<String> response = http.post("/rules/evaluate", ApiKeys.CLASSIFIER, """
                {"ticketId": "T1", "subject": "Charged twice",
                 "description": "I have been charged twice for my plan. Please refund the duplicate payment.",
                 "channel": "email"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ruleId\":\"R002\"", "\"department\":\"Billing\"",
                "\"shortCircuit\":true", "\"ruleSetVersion\":1", "\"text\":\"Charged twice\"");
    }

    @Test
    void evaluatesBatchesAndRefusesOversizedInput() {
        HttpResponse<String> batch = http.post("/rules/evaluate/batch", ApiKeys.CLASSIFIER, """
                {"tickets": [{"ticketId": "a", "description": "my parcel never arrived"},
                             {"ticketId": "b", "description": "what are your opening hours"}]}""");
        HttpResponse<String> huge = http.post("/rules/evaluate", ApiKeys.CLASSIFIER,
                "{\"description\": \"" + "x".repeat(25_000) + "\"}");

        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.body()).contains("\"ruleId\":\"R007\"", "\"matched\":false");
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void aNullTicketInABatchIs400NamingIt() {
        HttpResponse<String> response = http.post("/rules/evaluate/batch", ApiKeys.CLASSIFIER, """
                {"tickets": [{"ticketId": "a", "description": "my parcel never arrived"}, null]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("tickets[1].ticket");
    }

    @Test
    void evaluationNeedsTheClassifierRole() {
        assertThat(http.post("/rules/evaluate", null, "{}").statusCode()).isEqualTo(401);
        assertThat(http.post("/rules/evaluate", ApiKeys.OPS, "{}").statusCode()).isEqualTo(403);
        assertThat(http.put("/rules/draft", ApiKeys.CLASSIFIER, "application/yaml", "rules: []").statusCode())
                .isEqualTo(403);
    }

    @Test
    void invalidDraftIsRefusedWithLineAndColumnAndChangesNothing() {
        HttpResponse<String> response = http.put("/rules/draft", ApiKeys.ANALYST, "application/yaml", """
                rules:
                  - id: X1
                    pattern: "refund"
                    urgency: Low
                    confidence: 2
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"line\":", "\"column\":", "rules[0].");
        assertThat(http.get("/rules", ApiKeys.ANALYST).body()).contains("\"version\":1");
    }

    @Test
    void unsupportedRegexCannotBePublished() {
        HttpResponse<String> response = http.post("/rules/publish", ApiKeys.ANALYST, """
                {"reason": "try", "yaml": "rules:\\n  - {id: A, pattern: '^x', regex: true, department: D, urgency: Low}"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"pattern\"", "anchors");
    }

    @Test
    void validateReportsShadowedRulesConflictsAndBacktest() {
        HttpResponse<String> response = http.post("/rules/validate", ApiKeys.ANALYST, """
                {"yaml": "rules:\\n  - {id: A, pattern: refund, department: Billing, urgency: Low}\\n  - {id: B, pattern: 'refund.*card', regex: true, department: Security, urgency: High}\\n  - {id: C, pattern: card, department: Security, urgency: High}",
                 "samples": [{"id": "s1", "description": "refund to my card", "department": "Billing"},
                             {"id": "s2", "description": "hello", "department": "Sales"}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"valid\":true", "\"ruleId\":\"B\"", "\"evidence\":\"structural\"",
                "\"firstRuleId\":\"A\"", "\"secondRuleId\":\"C\"", "\"routedShare\":0.5", "\"accuracy\":1.0");
        assertThat(http.get("/rules", ApiKeys.ANALYST).body()).contains("\"version\":1");
    }

    @Test
    void feedbackYieldsPerRuleAccuracyAndHitsAreExported() {
        http.post("/rules/evaluate", ApiKeys.CLASSIFIER, "{\"description\": \"GDPR request\"}");
        http.post("/rules/feedback", ApiKeys.CLASSIFIER, "{\"ruleId\": \"R010\", \"correctDepartment\": \"Security\"}");
        http.post("/rules/feedback", ApiKeys.CLASSIFIER, "{\"ruleId\": \"R010\", \"correctDepartment\": \"Sales\"}");

        assertThat(http.get("/rules/statistics", ApiKeys.ANALYST).body())
                .contains("\"ruleId\":\"R010\"", "\"correct\":1", "\"incorrect\":1", "\"accuracy\":0.5");
        assertThat(http.get("/actuator/prometheus", ApiKeys.OPS).body())
                .contains("rules_hits_total{rule=\"R010\"", "rules_evaluation_seconds");
    }
}
