package io.triage.rules.api;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /rules} as classify-service polls it to evaluate in-process: the evaluation settings travel with the
 * rule set, and a strong ETag spares the body until the active set changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "triage.rules.short-circuit-confidence=0.8", "triage.rules.max-ticket-chars=12345"})
@IsolatedBackingServices
class ActiveRuleSetEtagIT {

    @LocalServerPort
    int port;

    ServiceHttp http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.onPort(port);
    }

    @Test
    void activeRuleSetCarriesTheEvaluationSettingsAndAStrongEtag() {
        HttpResponse<String> response = http.get("/rules", ApiKeys.CLASSIFY_SERVICE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).extractingPath("$.evaluation.shortCircuitConfidence").isEqualTo(0.8);
        assertThat(json(response)).extractingPath("$.evaluation.maxTicketChars").isEqualTo(12345);
        assertThat(json(response)).extractingPath("$.evaluation.maxGroupStates").isEqualTo(20000);
        assertThat(json(response)).extractingPath("$.evaluation.maxGroupRules").isEqualTo(64);
        assertThat(json(response)).extractingPath("$.yaml").asString().contains("R001");
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(etag ->
                assertThat(etag).startsWith("\"v1-").endsWith("\""));
    }

    @Test
    void unchangedRuleSetIs304AndAPublishChangesTheEtag() {
        String etag = http.get("/rules", ApiKeys.CLASSIFY_SERVICE).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = http.send(http.request("/rules", ApiKeys.CLASSIFY_SERVICE)
                .header("If-None-Match", etag).GET());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        assertThat(http.post("/rules/publish", ApiKeys.ANALYST, """
                {"reason": "etag test", "yaml": "rules:\\n  - {id: S1, pattern: refund, department: Sales, urgency: Low}"}""")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> changed = http.send(http.request("/rules", ApiKeys.CLASSIFY_SERVICE)
                .header("If-None-Match", etag).GET());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValueSatisfying(newEtag ->
                assertThat(newEtag).isNotEqualTo(etag).startsWith("\"v2-"));
        assertThat(json(changed)).extractingPath("$.activation.version").isEqualTo(2);
    }
}
