package io.triage.rules.api;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.triage.rules.RulesEngineApplication;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.json.JsonContent;

/**
 * Two running instances on one database: a publish or rollback on one is in use on the other without restart, within
 * the refresh interval plus one compile (60 s allowed, for heavily loaded CI machines); so is the short-circuit a rule
 * lost from feedback counted on the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "triage.rules.refresh-interval=300ms")
@IsolatedBackingServices
class TwoReplicasIT {

    private static final String NEW_RULES = """
            {"reason": "route refunds to Sales for the campaign", "yaml": "rules:\\n  - {id: S1, pattern: refund, department: Sales, urgency: Low}"}""";

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    ConfigurableApplicationContext second;
    ServiceHttp first;
    ServiceHttp other;

    @BeforeEach
    void startSecondReplica() {
        // Command-line arguments, so they outrank the platform's defaults (builder properties would not).
        second = new SpringApplicationBuilder(RulesEngineApplication.class).run(
                "--server.port=0", "--triage.rules.refresh-interval=300ms",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.data.redis.host=" + environment.getProperty("spring.data.redis.host", "127.0.0.1"),
                "--spring.data.redis.port=" + environment.getProperty("spring.data.redis.port", "6379"),
                "--triage.platform.redis-key-prefix=" + environment.getProperty("triage.platform.redis-key-prefix",
                        ""));
        first = ServiceHttp.onPort(port);
        WebServer server = Objects.requireNonNull(((WebServerApplicationContext) second).getWebServer(),
                "a started web application has its server");
        other = ServiceHttp.onPort(server.getPort());
    }

    @AfterEach
    void stopSecondReplica() {
        second.close();
    }

    @Test
    void publishAndRollbackReachTheOtherReplicaWithoutRestart() {
        assertThat(routedBy(other)).isEqualTo("R002");

        assertThat(first.post("/rules/publish", ApiKeys.ANALYST, NEW_RULES).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(routedBy(other)).isEqualTo("S1"));

        assertThat(other.post("/rules/rollback", ApiKeys.ANALYST,
                "{\"version\": 1, \"reason\": \"campaign over\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(routedBy(first)).isEqualTo("R002"));

        JsonContent versions = json(first.get("/rules/versions", ApiKeys.ANALYST));
        assertThat(versions).extractingPath("$.active").isEqualTo(1);
        assertThat(versions).extractingPath("$.activations[?(@.action == 'rollback')].reason").asArray()
                .contains("campaign over");
        assertThat(versions).hasPath("$.versions[0].createdBy");
        assertThat(versions).extractingPath("$.versions[*].reason").asArray()
                .contains("route refunds to Sales for the campaign");
    }

    @Test
    void feedbackOnOneReplicaTakesTheShortCircuitAwayOnTheOther() {
        assertThat(invoiceCopyShortCircuits(other)).as("R008 declared 0.90, no outcomes yet").isTrue();

        for (int i = 0; i < 60; i++) {
            assertThat(first.post("/rules/feedback", ApiKeys.CLASSIFY_SERVICE, """
                    {"feedbackId": "%s", "ruleId": "R008", "correctDepartment": "Sales"}"""
                    .formatted(UUID.randomUUID())).statusCode()).isEqualTo(202);
        }

        assertThat(invoiceCopyShortCircuits(first)).as("the replica that counted the feedback").isFalse();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(invoiceCopyShortCircuits(other))
                .isFalse());
    }

    private static boolean invoiceCopyShortCircuits(ServiceHttp replica) {
        String body = replica.post("/rules/evaluate", ApiKeys.CLASSIFY_SERVICE,
                "{\"description\": \"hi can you resend invoice pls, lost the email\"}").body();
        assertThat((String) JsonPath.read(body, "$.ruleId")).isEqualTo("R008");
        return JsonPath.read(body, "$.shortCircuit");
    }

    private static String routedBy(ServiceHttp replica) {
        String body = replica.post("/rules/evaluate", ApiKeys.CLASSIFY_SERVICE,
                "{\"description\": \"Where is my refund?\"}").body();
        return JsonPath.read(body, "$.ruleId");
    }
}
