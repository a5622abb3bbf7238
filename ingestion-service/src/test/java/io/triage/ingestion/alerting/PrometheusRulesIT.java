package io.triage.ingestion.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.triage.ingestion.testing.SimulatedSources;
import io.triage.simulators.SimClock;
import io.triage.simulators.fault.Fault;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.slack.SlackSimulator;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code triage-sources} group of {@code grafana/alerts/triage-alerts.yml} only names series this service really
 * emits: every {@code ingestion_*} metric of its expressions, with every label value they select on, is in the
 * service's {@code /actuator/prometheus} once a pull has failed (opening an incident whose Slack post is refused), one
 * has succeeded and a webhook was refused. The write-back dead-letter gauge is there from the start, per source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class PrometheusRulesIT {

    static final Path RULES = Path.of("..", "grafana", "alerts", "triage-alerts.yml");
    /** A metric of ours and its optional label matchers: {@code ingestion_pulls_total{outcome="failed"}}. */
    static final Pattern SELECTOR = Pattern.compile("\\b(ingestion_[a-z_]+)(\\{([^}]*)})?");
    static final Pattern MATCHER = Pattern.compile("([a-z_]+)\\s*=\\s*\"([^\"]*)\"");

    static final String HOOK = "/services/T0001/B0001/removed";

    static ServiceNowSimulator servicenow;
    static SlackSimulator slack;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startSimulator() {
        servicenow = new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.at(Instant.now())).start(0);
        slack = new SlackSimulator().start(0);
        slack.disable(HOOK);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatedSources.servicenow(registry, servicenow);
        registry.add(SimulatedSources.SERVICENOW + "max-attempts", () -> "1");
        registry.add("triage.ingestion.alerts.consecutive-failures", () -> "1");
        registry.add("triage.ingestion.alerts.slack-webhook-url", () -> slack.baseUri() + HOOK);
    }

    @AfterAll
    static void stopSimulator() {
        servicenow.close();
        slack.close();
    }

    @SuppressWarnings("unchecked")
    static List<String> sourceRuleExpressions() throws IOException {
        try (Reader reader = Files.newBufferedReader(RULES)) {
            Map<String, Object> rules = new Yaml().load(reader);
            List<String> expressions = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                if (group.get("name").equals("triage-sources")) {
                    for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                        expressions.add((String) rule.get("expr"));
                    }
                }
            }
            return expressions;
        }
    }

    @Test
    void sourceRulesNameOnlySeriesTheServiceEmits() throws IOException {
        ServiceHttp http = ServiceHttp.onPort(port);
        servicenow.faults().percentage(100, 1, new Fault.ServerError(503));
        assertThat((String) JsonPath.read(SimulatedSources.pull(http, "servicenow"), "$.status")).isEqualTo("FAILED");
        servicenow.faults().clear();
        assertThat((String) JsonPath.read(SimulatedSources.pull(http, "servicenow"), "$.status"))
                .isEqualTo("SUCCEEDED");
        assertThat(http.post("/webhooks/servicenow", null, "{}").statusCode()).isEqualTo(401);
        // The incident's post is refused (404 no_service) after the pull's end is seen; wait for it to be counted.
        List<String> scrape = await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/actuator/prometheus", ApiKeys.OPS).body().lines()
                        .filter(line -> !line.startsWith("#")).toList(),
                        lines -> lines.stream()
                                .anyMatch(line -> line.startsWith("ingestion_alert_notifications_total")));
        assertThat(slack.messages()).isEmpty();

        List<String> expressions = sourceRuleExpressions();
        assertThat(expressions).as("the triage-sources group's rules").hasSize(6);
        assertThat(expressions).anyMatch(expression -> expression.contains("ingestion_writeback_dead_letters"));
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            assertThat(selector.find()).as("%s names one of our metrics", expression).isTrue();
            do {
                String metric = selector.group(1);
                List<String> series = scrape.stream().filter(line -> line.startsWith(metric + "{")
                        || line.startsWith(metric + " ")).toList();
                assertThat(series).as("series of %s", metric).isNotEmpty();
                Matcher label = MATCHER.matcher(selector.group(3) == null ? "" : selector.group(3));
                while (label.find()) {
                    String wanted = label.group(1) + "=\"" + label.group(2) + "\"";
                    assertThat(series).as("%s with %s", metric, wanted).anyMatch(line -> line.contains(wanted));
                }
            } while (selector.find());
        }
    }
}
