package io.triage.ingestion.testing;

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

/**
 * ingestion-service's sources pointed at their simulators (enabled, base URL, the simulators' credentials), and a pull
 * through the API. Tests add their own settings (page size, attempts) under the same prefix.
 */
public final class SimulatedSources {

    public static final String SERVICENOW = "triage.ingestion.sources.servicenow.";
    public static final String ZENDESK = "triage.ingestion.sources.zendesk.";
    public static final String JIRA = "triage.ingestion.sources.jira.";

    private SimulatedSources() {
    }

    public static void servicenow(DynamicPropertyRegistry registry, ServiceNowSimulator servicenow) {
        String sn = SERVICENOW;
        registry.add(sn + "enabled", () -> "true");
        registry.add(sn + "base-url", () -> servicenow.baseUri().toString());
        registry.add(sn + "client-id", () -> "sim-client");
        registry.add(sn + "client-secret", () -> "sim-secret");
        registry.add(sn + "username", () -> "integration");
        registry.add(sn + "password", () -> "integration-password");
    }

    public static void zendesk(DynamicPropertyRegistry registry, ZendeskSimulator zendesk) {
        String zd = ZENDESK;
        registry.add(zd + "enabled", () -> "true");
        registry.add(zd + "base-url", () -> zendesk.baseUri().toString());
        registry.add(zd + "username", () -> "agent@example.com");
        registry.add(zd + "password", () -> "sim-zendesk-token");
    }

    public static void jira(DynamicPropertyRegistry registry, JiraSimulator jira) {
        String jr = JIRA;
        registry.add(jr + "enabled", () -> "true");
        registry.add(jr + "base-url", () -> jira.baseUri().toString());
        registry.add(jr + "username", () -> "agent@example.com");
        registry.add(jr + "password", () -> "sim-jira-token");
        registry.add(jr + "query", () -> "project = SUP");
    }

    /**
     * Starts a pull through the API and waits for its end; answers the finished run. A run can show its end a moment
     * before its source's lock is released, so a pull started right after it may be skipped: it is started again
     * (skipped pulls neither count as failures nor reset them).
     */
    public static String pull(ServiceHttp http, String source) {
        for (int attempt = 1; ; attempt++) {
            String run = pullOnce(http, source);
            if (!"SKIPPED".equals(JsonPath.read(run, "$.status")) || attempt == 5) {
                return run;
            }
        }
    }

    /** Starts a pull through the API and waits for its end, whatever it is (SKIPPED included). */
    public static String pullOnce(ServiceHttp http, String source) {
        HttpResponse<String> started = http.post("/sources/" + source + "/sync", ApiKeys.OPS, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(location, ApiKeys.OPS).body(),
                        run -> !"RUNNING".equals(JsonPath.read(run, "$.status")));
    }
}
