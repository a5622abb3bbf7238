package io.triage.systemtests;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.triage.gdpr.GdprServiceApplication;
import io.triage.ingestion.IngestionServiceApplication;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reliable-event example end to end, on real services: gdpr-service records erasure requests with their event
 * in one transaction and delivers them to the real ingestion-service. Delivery is cut mid-way (ingestion stops),
 * then a crash between "applied" and "recorded complete" is replayed: every request is applied exactly once and
 * none is lost.
 */
@SpringBootTest(classes = GdprServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "triage.gdpr.redeliver-after=1s",
                "triage.gdpr.stores=ingestion",
                "triage.gdpr.redelivery-interval=PT1S",
                "triage.platform.resilience.open-state-wait=1s",
                "triage.platform.resilience.initial-backoff=20ms"})
@IsolatedBackingServices
class ErasureDeliveryIT {

    private static final int ingestionPort = SuiteArguments.freePort();
    private static TestDatabase ingestionDatabase;
    private static ConfigurableApplicationContext ingestion;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ingestionAddress(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.ingestion.base-url", () -> "http://127.0.0.1:" + ingestionPort);
    }

    @BeforeAll
    static void startIngestion() {
        ingestionDatabase = BackingServices.get().createDatabase();
        ingestion = runIngestion();
    }

    @AfterAll
    static void stopIngestion() {
        if (ingestion != null) {
            ingestion.close();
        }
    }

    private static ConfigurableApplicationContext runIngestion() {
        return new SpringApplicationBuilder(IngestionServiceApplication.class).run(
                "--server.port=" + ingestionPort,
                "--spring.application.name=ingestion-service",
                "--triage.platform.schema=ingestion",
                "--spring.datasource.url=" + ingestionDatabase.jdbcUrl(),
                "--spring.flyway.user=" + ingestionDatabase.adminUser(),
                "--spring.flyway.password=" + ingestionDatabase.adminPassword(),
                "--spring.flyway.locations=classpath:db/platform,classpath:db/migration/ingestion",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
    }

    @Test
    void interruptedDeliveryLosesNothingAndAppliesNothingTwice() {
        ServiceHttp ingestionHttp = ServiceHttp.onPort(ingestionPort);
        for (int c = 0; c < 10; c++) {
            for (int t = 0; t < 2; t++) {
                ingestionHttp.post("/tickets", ApiKeys.OPS, """
                        {"source":"JIRA","externalId":"J-%d-%d","customerId":"CUST-%d","subject":"s",
                         "description":"d","sourceUpdatedAt":"2026-11-01T10:00:00Z"}""".formatted(c, t, c));
            }
        }

        List<UUID> requests = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            requests.add(requestErasure("CUST-" + c));
        }
        awaitCompleted(requests);

        ingestion.close(); // delivery is cut: the next requests cannot reach the store
        for (int c = 5; c < 10; c++) {
            requests.add(requestErasure("CUST-" + c));
        }
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                        .query(Long.class).single()).isEqualTo(5));
        assertThat(pending()).isEqualTo(5);

        ingestion = runIngestion(); // the store comes back; redelivery finishes the job
        awaitCompleted(requests);

        // A crash after the store applied an erasure but before the publication was marked complete:
        jdbc.sql("UPDATE event_publication SET completion_date = NULL, status = 'FAILED' WHERE id = "
                + "(SELECT id FROM event_publication ORDER BY publication_date LIMIT 1)").update();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                        .query(Long.class).single()).isZero());

        try (var store = new SingleConnectionDataSource(ingestionDatabase.jdbcUrl(), ingestionDatabase.adminUser(),
                ingestionDatabase.adminPassword(), true)) {
            JdbcClient ingestionDb = JdbcClient.create(store);
            assertThat(ingestionDb.sql("SELECT count(*) FROM ingestion.erasures").query(Long.class).single())
                    .as("each request applied once").isEqualTo(10);
            assertThat(ingestionDb.sql("SELECT sum(deleted_tickets) FROM ingestion.erasures").query(Long.class)
                    .single()).isEqualTo(20);
            assertThat(ingestionDb.sql("SELECT count(*) FROM ingestion.tickets").query(Long.class).single())
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM deletion_receipts").query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT sum(deleted_records) FROM deletion_receipts").query(Long.class).single())
                .isEqualTo(20);
    }

    private UUID requestErasure(String customerId) {
        var response = ServiceHttp.onPort(port).post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"" + customerId + "\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        return UUID.fromString(JsonPath.read(response.body(), "$.id"));
    }

    private void awaitCompleted(List<UUID> requests) {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            for (UUID id : requests) {
                assertThat(json(ServiceHttp.onPort(port).get("/gdpr/requests/" + id, ApiKeys.COMPLIANCE)))
                        .extractingPath("$.status").isEqualTo("COMPLETED");
            }
        });
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM deletion_requests WHERE status = 'IN_PROGRESS'").query(Long.class)
                .single();
    }
}
