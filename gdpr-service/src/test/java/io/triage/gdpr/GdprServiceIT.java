package io.triage.gdpr;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.triage.gdpr.erasure.CustomerHash;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.yaml.snakeyaml.Yaml;

// Every store is unreachable here (ErasureSagaIT stands them in): requests stay open.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.http.serviceclient.ingestion.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.embedding.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.classify.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.audit.base-url=http://127.0.0.1:9"})
@IsolatedBackingServices
class GdprServiceIT implements PlatformContract {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    @Autowired
    CustomerHash hash;

    @Override
    public ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @Override
    public String jsonEndpoint() {
        return "/gdpr/delete-customer-data";
    }

    @Test
    void requestIsAcceptedAndRecordedWithItsEvent() {
        HttpResponse<String> response = http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"CUST-1\",\"reason\":\"Art. 17 request\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response)).extractingPath("$.status").isEqualTo("IN_PROGRESS");
        assertThat(json(response)).extractingPath("$.requestedBy").isEqualTo("local-compliance");
        String id = JsonPath.read(response.body(), "$.id");
        long events = jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%CustomerErasureRequested'"
                + " AND serialized_event LIKE :id").param("id", "%" + id + "%").query(Long.class).single();
        assertThat(events).as("the saga starts with one publication: ingestion-service first").isEqualTo(1);
        // The listener id V3__erasure_saga.sql matches when it resumes requests open at the upgrade.
        assertThat(jdbc.sql("SELECT listener_id FROM event_publication WHERE event_type LIKE '%CustomerErasureRequested'")
                .query(String.class).list()).allMatch(listener -> listener.contains(".eraseTickets("));
        assertThat(jdbc.sql("SELECT serialized_event FROM event_publication").query(String.class).list())
                .noneMatch(event -> event.contains("CUST-1"));
    }

    @Test
    void missingCustomerIdIs400NamingTheFieldAndRecordsNothing() {
        long before = jdbc.sql("SELECT count(*) FROM deletion_requests").query(Long.class).single();
        HttpResponse<String> response = http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"reason\":\"no id\"}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "customerId");
        assertThat(jdbc.sql("SELECT count(*) FROM deletion_requests").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void classifierMayNotRequestErasure() {
        PlatformContract.assertProblem(http().post("/gdpr/delete-customer-data", ApiKeys.CLASSIFIER,
                "{\"customerId\":\"CUST-2\"}"), 403);
    }

    @Test
    void unknownRequestIs404AndMalformedIdIs400() {
        PlatformContract.assertProblem(
                http().get("/gdpr/requests/00000000-0000-0000-0000-000000000000", ApiKeys.COMPLIANCE), 404);
        HttpResponse<String> malformed = http().get("/gdpr/requests/not-a-uuid", ApiKeys.COMPLIANCE);
        PlatformContract.assertProblem(malformed, 400);
        PlatformContract.assertNamesField(malformed, "id");
    }

    @Test
    void aRequestIsDueThirtyDaysAfterItWasMadeAndWaitsForEveryStore() {
        HttpResponse<String> response = http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"CUST-due\"}");
        String id = JsonPath.read(response.body(), "$.id");
        String body = http().get("/gdpr/requests/" + id, ApiKeys.COMPLIANCE).body();

        Instant created = Instant.parse(JsonPath.read(body, "$.createdAt"));
        Instant due = Instant.parse(JsonPath.read(body, "$.dueAt"));
        assertThat(Duration.between(created, due)).isEqualTo(Duration.ofDays(30));
        assertThat((Boolean) JsonPath.read(body, "$.overdue")).isFalse();
        assertThat((List<String>) JsonPath.read(body, "$.receipts[*].store"))
                .containsExactly("audit", "classify", "embedding", "ingestion");
        assertThat((List<String>) JsonPath.read(body, "$.receipts[?(@.store != 'ingestion')].state"))
                .as("nothing reaches the others before ingestion has answered").containsOnly("PENDING");
    }

    @Test
    void requestsOpenLongAreGaugedAndTheAlertRulesNameThoseGauges() throws IOException {
        String soon = requestAged(26, 4);
        String late = requestAged(31, -1);

        List<String> scrape = http().get("/actuator/prometheus", ApiKeys.OPS).body().lines()
                .filter(line -> !line.startsWith("#")).toList();

        assertThat(scrape).contains("gdpr_requests_due_soon 1.0", "gdpr_requests_overdue 1.0");
        assertThat((Boolean) JsonPath.read(http().get("/gdpr/requests/" + late, ApiKeys.COMPLIANCE).body(),
                "$.overdue")).isTrue();
        assertThat((Boolean) JsonPath.read(http().get("/gdpr/requests/" + soon, ApiKeys.COMPLIANCE).body(),
                "$.overdue")).isFalse();
        List<String> expressions = gdprRuleExpressions();
        assertThat(expressions).hasSize(2);
        for (String expression : expressions) {
            Matcher metric = Pattern.compile("\\b(gdpr_[a-z_]+)").matcher(expression);
            assertThat(metric.find()).as("%s names one of our metrics", expression).isTrue();
            do {
                String name = metric.group(1);
                assertThat(scrape).as("series of %s", name).anyMatch(line -> line.startsWith(name + " ")
                        || line.startsWith(name + "{"));
            } while (metric.find());
        }
    }

    @Test
    void openRequestsAreGaugedForTheGdprDashboard() {
        requestAged(1, 29);
        long open = jdbc.sql("SELECT count(*) FROM deletion_requests WHERE status = 'IN_PROGRESS'")
                .query(Long.class).single();

        assertThat(http().get("/actuator/prometheus", ApiKeys.OPS).body().lines())
                .as("open requests").contains("gdpr_requests_open " + (double) open);
    }

    private String requestAged(int daysAgo, int dueInDays) {
        String id = JsonPath.read(http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"CUST-aged\"}").body(), "$.id");
        jdbc.sql("""
                UPDATE deletion_requests SET created_at = now() - :ago * interval '1 day',
                       due_at = now() + :due * interval '1 day' WHERE id = CAST(:id AS uuid)
                """).param("ago", daysAgo).param("due", dueInDays).param("id", id).update();
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<String> gdprRuleExpressions() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "grafana", "alerts", "triage-alerts.yml"))) {
            Map<String, Object> rules = new Yaml().load(reader);
            List<String> expressions = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                if (group.get("name").equals("triage-gdpr")) {
                    // The group also holds other services' GDPR obligations (classify's model retirements).
                    for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                        String expression = (String) rule.get("expr");
                        if (expression.contains("gdpr_")) {
                            expressions.add(expression);
                        }
                    }
                }
            }
            return expressions;
        }
    }

    @Test
    void upgradeHashesCustomerIdsAndResumesOpenRequestsWithIngestion() {
        TestDatabase database = BackingServices.get().createDatabase();
        Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(database.jdbcUrl(), database.adminUser(), database.adminPassword()).target("2").load()
                .migrate();
        UUID open = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        try (var connection = new SingleConnectionDataSource(database.jdbcUrl(), database.adminUser(),
                database.adminPassword(), true)) {
            JdbcClient before = JdbcClient.create(connection);
            before.sql("""
                    INSERT INTO gdpr.deletion_requests (id, customer_id, requested_by, status, completed_at)
                    VALUES (?, 'CUST-open', 'test', 'PENDING', NULL), (?, 'CUST-done', 'test', 'COMPLETED', now())
                    """).params(open, done).update();
            before.sql("""
                    INSERT INTO gdpr.deletion_receipts (request_id, store, deleted_records)
                    VALUES (?, 'ingestion', 2), (?, 'ingestion', 1), (?, 'embedding', 1)
                    """).params(open, done, done).update();
            String event = "io.triage.gdpr.erasure.CustomerErasureRequested";
            String payload = "{\"requestId\":\"" + open + "\",\"customerId\":\"CUST-open\"}";
            before.sql("""
                    INSERT INTO gdpr.event_publication (id, listener_id, event_type, serialized_event,
                                                        publication_date, completion_date, status)
                    VALUES (gen_random_uuid(), ?, ?, ?, now(), now(), 'COMPLETED'),
                           (gen_random_uuid(), ?, ?, ?, now(), NULL, 'FAILED')
                    """).params("io.triage.gdpr.erasure.ErasureDelivery.eraseTickets(" + event + ")", event, payload,
                    "io.triage.gdpr.erasure.ErasureDelivery.eraseVectors(" + event + ")", event, payload).update();

            Flyway.configure().configuration(flyway.getConfiguration())
                    .dataSource(database.jdbcUrl(), database.adminUser(), database.adminPassword()).load().migrate();

            Map<String, Object> openRow = before.sql("SELECT * FROM gdpr.deletion_requests WHERE id = ?")
                    .params(open).query().singleRow();
            assertThat(openRow).containsEntry("status", "IN_PROGRESS").containsEntry("customer_id", "CUST-open")
                    .containsEntry("customer_hash", hash.of("CUST-open"));
            Map<String, Object> doneRow = before.sql("SELECT * FROM gdpr.deletion_requests WHERE id = ?")
                    .params(done).query().singleRow();
            assertThat(doneRow).containsEntry("customer_id", null).containsEntry("customer_hash", hash.of("CUST-done"));
            assertThat(before.sql("SELECT state FROM gdpr.deletion_receipts WHERE request_id = ?").params(done)
                    .query(String.class).list()).as("answers before the upgrade").containsOnly("DONE");
            assertThat(before.sql("SELECT state FROM gdpr.deletion_receipts WHERE request_id = ?").params(open)
                    .query(String.class).single()).as("asked again, so its answer reaches the other stores")
                    .isEqualTo("PENDING");
            assertThat(before.sql("""
                    SELECT listener_id FROM gdpr.event_publication WHERE completion_date IS NULL
                    """).query(String.class).list()).as("the ingestion step is due again, the old vector step retired")
                    .singleElement().asString().contains(".eraseTickets(");
            assertThat(before.sql("SELECT serialized_event FROM gdpr.event_publication").query(String.class).list())
                    .hasSize(2).noneMatch(serialized -> serialized.contains("CUST-open"));
        }
    }
}
