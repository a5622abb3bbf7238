package io.triage.ingestion.writeback;

import static io.triage.testsupport.JsonBody.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.testing.MappingFixtures;
import io.triage.ingestion.testing.SimulatedSources;
import io.triage.simulators.SimClock;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
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
 * The whole way round: an incident pulled from the ServiceNow simulator is classified (classify-service's stand-in),
 * its decision stored, and written back to the same incident under the mapping published through the API, once,
 * with the decision's marker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "triage.ingestion.flow.index=false")
@IsolatedBackingServices
class WriteBackFlowIT {

    static final StubServer classify = new StubServer();
    static ServiceNowSimulator servicenow;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void start() {
        servicenow = new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.at(Instant.now())).start(0);
        classify.on("POST", "/classify", WriteBackFlowIT::decision);
        classify.on("GET", "/taxonomy", MappingFixtures::taxonomy);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatedSources.servicenow(registry, servicenow);
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
    }

    @AfterAll
    static void stop() {
        servicenow.close();
        classify.close();
    }

    static StubReply decision(StubRequest request) {
        String key = request.header("Idempotency-Key");
        UUID decisionId = UUID.nameUUIDFromBytes(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
        return StubReply.json("""
                {"decisionId":"%s","ticketId":"%s","routingMethod":"RULE",
                 "department":{"label":"Network","confidence":0.97},"urgency":{"label":"High","confidence":0.9},
                 "sentiment":{"label":"Negative","confidence":0.7},"alternatives":[],"candidates":{},
                 "ruleSetVersion":"7","explanation":{"summary":"rule vpn"},"skippedTiers":[],"experiments":{}}
                """.formatted(decisionId, tree(request.bodyText()).path("ticketId").asString()));
    }

    @Test
    void aPulledIncidentIsClassifiedAndItsDecisionWrittenBackOnce() {
        int mapping = MappingFixtures.publish(ServiceHttp.onPort(port), "servicenow",
                MappingFixtures.servicenow(MappingFixtures.AUTOMATE));
        String sysId = servicenow.createIncident(Map.of("short_description", "VPN drops every hour",
                "description", "Since this morning the VPN drops")).get("sys_id");

        SimulatedSources.pull(ServiceHttp.onPort(port), "servicenow");

        String decisionId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT w.decision_id::text FROM writebacks w JOIN tickets t ON t.id = w.ticket_id
                 WHERE t.external_id = :sysId AND w.state = 'SUCCEEDED' AND w.mapping_version = :mapping
                """).param("sysId", sysId).param("mapping", mapping).query(String.class).optional().orElse(null),
                id -> id != null);
        assertThat(jdbc.sql("SELECT decision_id::text FROM ticket_decisions d JOIN tickets t ON t.id = d.ticket_id "
                + "WHERE t.external_id = :sysId").param("sysId", sysId).query(String.class).single())
                .isEqualTo(decisionId);
        assertThat(servicenow.incident(sysId).orElseThrow())
                .containsEntry("assignment_group", MappingFixtures.SERVICENOW_NETWORK_GROUP)
                .containsEntry("urgency", "1").containsEntry("impact", "2");
        assertThat(servicenow.journal(sysId)).singleElement()
                .satisfies(note -> assertThat(note.value()).contains("Network", "[triage:" + decisionId + "]"));
        // The row turns SUCCEEDED just before the delay is timed and the delivery's event is marked complete.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.timer("ingestion_writeback_delay", "source", "servicenow").count()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Long.class).single()).as("every step delivered").isZero();
        });
    }
}
