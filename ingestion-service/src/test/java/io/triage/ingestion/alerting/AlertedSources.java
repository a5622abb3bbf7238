package io.triage.ingestion.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.triage.simulators.jira.JiraSimulator;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.zendesk.ZendeskSimulator;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.ServiceHttp;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The sources of the alert tests, pointed at their simulators, and a pull through the API. */
final class AlertedSources {

    private AlertedSources() {
    }

    /** ServiceNow, one attempt per call, so an injected 5xx fails the pull at once. */
    static void servicenow(DynamicPropertyRegistry registry, ServiceNowSimulator servicenow) {
        String sn = "triage.ingestion.sources.servicenow.";
        registry.add(sn + "enabled", () -> "true");
        registry.add(sn + "base-url", () -> servicenow.baseUri().toString());
        registry.add(sn + "client-id", () -> "sim-client");
        registry.add(sn + "client-secret", () -> "sim-secret");
        registry.add(sn + "username", () -> "integration");
        registry.add(sn + "password", () -> "integration-password");
        registry.add(sn + "max-attempts", () -> "1");
    }

    static void zendesk(DynamicPropertyRegistry registry, ZendeskSimulator zendesk) {
        String zd = "triage.ingestion.sources.zendesk.";
        registry.add(zd + "enabled", () -> "true");
        registry.add(zd + "base-url", () -> zendesk.baseUri().toString());
        registry.add(zd + "username", () -> "agent@example.com");
        registry.add(zd + "password", () -> "sim-zendesk-token");
        registry.add(zd + "max-attempts", () -> "1");
    }

    static void jira(DynamicPropertyRegistry registry, JiraSimulator jira) {
        String jr = "triage.ingestion.sources.jira.";
        registry.add(jr + "enabled", () -> "true");
        registry.add(jr + "base-url", () -> jira.baseUri().toString());
        registry.add(jr + "username", () -> "agent@example.com");
        registry.add(jr + "password", () -> "sim-jira-token");
        registry.add(jr + "query", () -> "project = SUP");
        registry.add(jr + "max-attempts", () -> "1");
    }

    /**
     * Starts a pull through the API and waits for its end; answers the finished run. A run can show its end a moment
     * before its source's lock is released, so a pull started right after it may be skipped: it is started again
     * (skipped pulls neither count as failures nor reset them).
     */
    static String pull(ServiceHttp http, String source) {
        for (int attempt = 1; ; attempt++) {
            String run = pullOnce(http, source);
            if (!"SKIPPED".equals(JsonPath.read(run, "$.status")) || attempt == 5) {
                return run;
            }
        }
    }

    private static String pullOnce(ServiceHttp http, String source) {
        HttpResponse<String> started = http.post("/sources/" + source + "/sync", ApiKeys.OPS, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(location, ApiKeys.OPS).body(),
                        run -> !"RUNNING".equals(JsonPath.read(run, "$.status")));
    }
}
