package io.triage.ingestion.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.testing.SimulatedSources;
import io.triage.simulators.HttpSimulator;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.fault.Fault;
import io.triage.simulators.jira.JiraSettings;
import io.triage.simulators.jira.JiraSimulator;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.slack.SlackSimulator;
import io.triage.simulators.zendesk.ZendeskSettings;
import io.triage.simulators.zendesk.ZendeskSimulator;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Source incidents against the real pull path (ServiceNow, Zendesk and Jira simulators with injected faults) and an
 * embedded Slack: one message per incident, one recovery message, failed posts retried. Each test uses its own source,
 * so the incidents of one never show in another's messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class SourceAlertsIT {

    static final String HOOK = "/services/T0001/B0001/abcDEF123";

    static SlackSimulator slack;
    static ServiceNowSimulator servicenow;
    static ZendeskSimulator zendesk;
    static JiraSimulator jira;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SourceAlerts alerts;

    @BeforeAll
    static void startSimulators() {
        slack = new SlackSimulator().start(0);
        servicenow = new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.at(Instant.now())).start(0);
        zendesk = new ZendeskSimulator(ZendeskSettings.defaults().withExportRequestsPerMinute(0),
                SimClock.at(Instant.now())).start(0);
        jira = new JiraSimulator(JiraSettings.defaults(), SimClock.at(Instant.now())).start(0);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("triage.ingestion.alerts.slack-webhook-url", () -> slack.baseUri() + HOOK);
        // Short, so retries and lag show within a test; the real default is a minute.
        registry.add("triage.ingestion.alerts.check-interval", () -> "300ms");
        SimulatedSources.servicenow(registry, servicenow);
        registry.add(SimulatedSources.SERVICENOW + "max-attempts", () -> "1");
        SimulatedSources.zendesk(registry, zendesk);
        registry.add(SimulatedSources.ZENDESK + "max-attempts", () -> "1");
        SimulatedSources.jira(registry, jira);
        registry.add(SimulatedSources.JIRA + "max-attempts", () -> "1");
    }

    @AfterAll
    static void stopSimulators() {
        slack.close();
        servicenow.close();
        zendesk.close();
        jira.close();
    }

    String pull(String source) {
        return SimulatedSources.pull(ServiceHttp.onPort(port), source);
    }

    /** Pulls the source {@code count} times while every call to it answers 503; each pull must fail. */
    void failingPulls(HttpSimulator simulator, String source, int count) {
        simulator.faults().percentage(100, 1, new Fault.ServerError(503));
        try {
            for (int i = 0; i < count; i++) {
                assertThat(status(pull(source))).isEqualTo("FAILED");
            }
        } finally {
            simulator.faults().clear();
        }
    }

    static String status(String run) {
        return JsonPath.read(run, "$.status");
    }

    static List<SlackSimulator.Message> messagesAbout(String source) {
        return slack.messages().stream().filter(m -> m.text() != null && m.text().contains("*" + source + "*"))
                .toList();
    }

    double notifications(String outcome) {
        return meters.counter("ingestion_alert_notifications_total", "outcome", outcome).count();
    }

    /** Passes if the source's Slack messages stay at {@code count} over a few checks. */
    static void staysAt(String source, int count) {
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> messagesAbout(source).size() == count);
    }

    /** Runs {@code count} checks at the same moment, bypassing the schedule's cluster lock. */
    void checksAtOnce(int count) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            List<Future<?>> checks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                checks.add(threads.submit(() -> {
                    start.await();
                    alerts.check();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> check : checks) {
                assertThat(check).succeedsWithin(Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void threeFailedPullsPostOneMessageFurtherFailuresNoneAndTheNextSuccessOneRecovery() {
        failingPulls(servicenow, "servicenow", 2);
        staysAt("servicenow", 0);

        failingPulls(servicenow, "servicenow", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesAbout("servicenow").size() == 1);
        failingPulls(servicenow, "servicenow", 2);
        staysAt("servicenow", 1);

        assertThat(status(pull("servicenow"))).isEqualTo("SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesAbout("servicenow").size() == 2);
        staysAt("servicenow", 2);

        List<SlackSimulator.Message> messages = messagesAbout("servicenow");
        assertThat(messages.get(0).webhookPath()).isEqualTo(HOOK);
        assertThat(messages.get(0).text()).contains("pulls failing", "3 pulls failed in a row", "last error:");
        assertThat(String.valueOf(messages.get(0).blocks())).contains("Source:", "servicenow", "Since:",
                "Detail:", "last error: ServiceUnavailable");
        assertThat(messages.get(1).text()).contains("pulls recovered");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM source_incidents WHERE source = 'SERVICENOW' AND kind = 'PULL_FAILURES'
                   AND closed_at IS NOT NULL AND opened_notified_at IS NOT NULL AND closed_notified_at IS NOT NULL
                """).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sourceWhoseNewestTicketIsOlderThanTheMaxLagPostsOneMessageAndOneWhenANewerArrives() {
        zendesk.createTicket(SimJson.parse("""
                {"subject":"Old printer","description":"jammed","created_at":"%1$s","updated_at":"%1$s"}"""
                .formatted(Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS))));

        // Slack answers slowly, and checks run at once as replicas would (besides the scheduled one): while one of
        // them posts the opening message, the others must not post it too.
        slack.faults().percentage(100, 1, new Fault.Slow(Duration.ofSeconds(1)));
        try {
            assertThat(status(pull("zendesk"))).isEqualTo("SUCCEEDED");
            checksAtOnce(4);
        } finally {
            slack.faults().clear();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesAbout("zendesk").size() == 1);
        staysAt("zendesk", 1);
        assertThat(messagesAbout("zendesk").getFirst().text()).contains("tickets lagging",
                "newest ticket updated at");

        zendesk.createTicket(SimJson.parse("""
                {"subject":"New printer","description":"jammed","created_at":"%1$s","updated_at":"%1$s"}"""
                .formatted(Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS))));
        assertThat(status(pull("zendesk"))).isEqualTo("SUCCEEDED");

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesAbout("zendesk").size() == 2);
        staysAt("zendesk", 2);
        assertThat(messagesAbout("zendesk").get(1).text()).contains("tickets caught up");
    }

    @Test
    void messageSlackRefusesIsCountedAsFailedAndPostedAgainAtTheNextCheck() {
        double failedBefore = notifications("failed");
        double sentBefore = notifications("sent");
        int slackRequestsBefore = slack.requests().size();
        slack.faults().nextRequests(1, new Fault.ServerError(500));

        failingPulls(jira, "jira", 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesAbout("jira").size() == 1);
        staysAt("jira", 1);
        assertThat(slack.requests().size() - slackRequestsBefore).as("the refused post and the one accepted")
                .isEqualTo(2);
        assertThat(notifications("failed") - failedBefore).isEqualTo(1);
        assertThat(notifications("sent") - sentBefore).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT failed_notifications FROM source_incidents WHERE source = 'JIRA' AND kind = 'PULL_FAILURES'
                   AND opened_notified_at IS NOT NULL
                """).query(Integer.class).single()).isEqualTo(1);
    }
}
