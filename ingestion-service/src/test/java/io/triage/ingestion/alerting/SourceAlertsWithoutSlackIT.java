package io.triage.ingestion.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.testing.SimulatedSources;
import io.triage.simulators.SimClock;
import io.triage.simulators.fault.Fault;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.slack.SlackSimulator;
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

/** Without a Slack webhook configured, incidents are still recorded, logged and counted, and nothing is posted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class SourceAlertsWithoutSlackIT {

    /** Running, but configured nowhere: it must receive nothing. */
    static SlackSimulator slack;
    static ServiceNowSimulator servicenow;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startSimulators() {
        slack = new SlackSimulator().start(0);
        servicenow = new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.at(Instant.now())).start(0);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("triage.ingestion.alerts.slack-webhook-url", () -> " ");
        registry.add("triage.ingestion.alerts.check-interval", () -> "300ms");
        SimulatedSources.servicenow(registry, servicenow);
        registry.add(SimulatedSources.SERVICENOW + "max-attempts", () -> "1");
    }

    @AfterAll
    static void stopSimulators() {
        slack.close();
        servicenow.close();
    }

    @Test
    void blankWebhookRecordsTheIncidentAndCountsItAsLoggedWithoutAnyHttpCall() {
        double loggedBefore = meters.counter("ingestion_alert_notifications_total", "outcome", "logged").count();
        servicenow.faults().percentage(100, 1, new Fault.ServerError(503));
        for (int i = 0; i < 3; i++) {
            String run = SimulatedSources.pull(ServiceHttp.onPort(port), "servicenow");
            assertThat((String) JsonPath.read(run, "$.status")).isEqualTo("FAILED");
        }
        servicenow.faults().clear();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM source_incidents WHERE source = 'SERVICENOW' AND kind = 'PULL_FAILURES'
                   AND closed_at IS NULL AND opened_notified_at IS NOT NULL
                """).query(Long.class).single() == 1);
        assertThat(meters.counter("ingestion_alert_notifications_total", "outcome", "logged").count() - loggedBefore)
                .isEqualTo(1);
        assertThat(meters.counter("ingestion_alert_notifications_total", "outcome", "sent").count()).isZero();
        assertThat(slack.requests()).isEmpty();
    }
}
