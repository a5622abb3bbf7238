package io.triage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.triage.gdpr.GdprServiceApplication;
import io.triage.ingestion.IngestionServiceApplication;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Right of access end to end on the real gdpr-service and ingestion-service: the export gathers the tickets
 * ingestion-service stored (raw, sanitised by the real sanitiser, with validated labels) and hands their ids to
 * classify-service, a stub speaking its {@code POST /internal/exports} contract (classify-service's own
 * {@code CustomerExportIT} runs that endpoint for real).
 */
@SpringBootTest(classes = GdprServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "triage.gdpr.stores=ingestion",
                "triage.gdpr.export.poll-interval=PT0.5S"})
@IsolatedBackingServices
class CustomerExportIT {

    private static final int ingestionPort = SuiteArguments.freePort();
    private static final StubServer classify = new StubServer();
    private static ConfigurableApplicationContext ingestion;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.ingestion.base-url", () -> "http://127.0.0.1:" + ingestionPort);
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
    }

    @BeforeAll
    static void startIngestion() {
        TestDatabase database = BackingServices.get().createDatabase();
        ingestion = new SpringApplicationBuilder(IngestionServiceApplication.class).run(
                "--server.port=" + ingestionPort,
                "--spring.application.name=ingestion-service",
                "--triage.platform.schema=ingestion",
                "--triage.ingestion.flow.classify=false",
                "--triage.ingestion.flow.index=false",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword(),
                "--spring.flyway.locations=classpath:db/platform,classpath:db/migration/ingestion",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        classify.on("POST", "/internal/exports", request -> StubReply.json("""
                {"decisions":[{"id":"0d5e7a8e-9c1b-4a44-8f00-3f0f2a1b0c01","ticketId":"%s","routingMethod":"RULES",
                  "department":"Billing","decidedAt":"2026-11-01T10:00:03Z","feedback":null}]}"""
                .formatted((String) JsonPath.read(request.bodyText(), "$.ticketIds[0]"))));
    }

    @AfterAll
    static void stop() {
        if (ingestion != null) {
            ingestion.close();
        }
        classify.close();
    }

    @Test
    void theExportHoldsWhatIngestionStoredAndReachesClassifyWithItsTicketIds() {
        ServiceHttp ingestionHttp = ServiceHttp.onPort(ingestionPort);
        String labelled = store(ingestionHttp, "SYS-X-1", "Call me on +44 20 7946 0958, card declined");
        String other = store(ingestionHttp, "SYS-X-2", "Still declined");
        HttpResponse<String> label = ingestionHttp.put("/tickets/" + labelled + "/labels", ApiKeys.ANALYST,
                "application/json", "{\"department\":\"Billing\",\"source\":\"analyst\"}");
        assertThat(label.statusCode()).as(label.body()).isEqualTo(200);
        ServiceHttp gdpr = ServiceHttp.onPort(port);

        HttpResponse<String> accepted = gdpr.post("/gdpr/export-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"CUST-SYS-X\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String done = await().atMost(Duration.ofMinutes(1)).until(() -> gdpr.get(location, ApiKeys.COMPLIANCE).body(),
                body -> List.of("DONE", "FAILED").contains(JsonPath.<String>read(body, "$.state")));
        String data = gdpr.get(location + "/data", ApiKeys.COMPLIANCE).body();

        assertThat((String) JsonPath.read(done, "$.state")).as(done).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(done, "$.counts.tickets")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.counts.labelledTickets")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.counts.decisions")).isEqualTo(1);
        String ticket = "$.tickets[?(@.id=='" + labelled + "')]";
        assertThat((List<String>) JsonPath.read(data, ticket + ".description"))
                .containsExactly("Call me on +44 20 7946 0958, card declined");
        assertThat((List<String>) JsonPath.read(data, ticket + ".sanitised.text")).singleElement()
                .satisfies(text -> assertThat(text).doesNotContain("7946 0958"));
        assertThat((List<String>) JsonPath.read(data, ticket + ".labels.department")).containsExactly("Billing");
        assertThat(classify.received("/internal/exports")).singleElement().satisfies(call -> {
            assertThat((String) JsonPath.read(call.bodyText(), "$.customerId")).isEqualTo("CUST-SYS-X");
            assertThat((List<String>) JsonPath.read(call.bodyText(), "$.ticketIds"))
                    .containsExactlyInAnyOrder(labelled, other);
        });
    }

    private static String store(ServiceHttp ingestionHttp, String externalId, String description) {
        HttpResponse<String> stored = ingestionHttp.post("/tickets", ApiKeys.OPS, """
                {"source":"JIRA","externalId":"%s","customerId":"CUST-SYS-X","subject":"Card",
                 "description":"%s","sourceUpdatedAt":"2026-11-01T10:00:00Z"}""".formatted(externalId, description));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return JsonPath.read(stored.body(), "$.ticketId");
    }
}
