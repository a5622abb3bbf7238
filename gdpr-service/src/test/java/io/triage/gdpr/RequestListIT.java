package io.triage.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /gdpr/requests} against real Postgres: five requests made through the API, then dated and completed in
 * the database (every store is unreachable here, so none completes by itself): newest first, filtered, paged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.http.serviceclient.ingestion.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.embedding.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.classify.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.audit.base-url=http://127.0.0.1:9"})
@IsolatedBackingServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestListIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The requests, oldest first: made on 1, 2, 3, 4 and 5 November. */
    private final List<String> ids = new ArrayList<>();

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @BeforeAll
    void fiveRequests() {
        for (int day = 1; day <= 5; day++) {
            HttpResponse<String> made = http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                    "{\"customerId\":\"CUST-list-" + day + "\",\"reason\":\"list " + day + "\"}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
            String id = JsonBody.tree(made).path("id").asString();
            ids.add(id);
            Instant created = Instant.parse("2026-11-0" + day + "T10:00:00Z");
            // 1 and 2 are done; 3 is open past its due date; 4 and 5 are open and due in the future.
            Instant due = day == 3 ? Instant.parse("2026-11-04T10:00:00Z") : Instant.parse("2099-01-01T00:00:00Z");
            jdbc.sql("UPDATE deletion_requests SET created_at = :created, due_at = :due WHERE id = :id")
                    .param("created", utc(created)).param("due", utc(due))
                    .param("id", UUID.fromString(id)).update();
            if (day <= 2) {
                jdbc.sql("""
                        UPDATE deletion_requests SET status = 'COMPLETED', completed_at = :done, customer_id = NULL
                         WHERE id = :id""").param("done", utc(created.plusSeconds(60)))
                        .param("id", UUID.fromString(id)).update();
                jdbc.sql("UPDATE deletion_receipts SET state = 'DONE', deleted_records = 3, received_at = :done, "
                        + "attempts = 1 WHERE request_id = :id")
                        .param("done", utc(created.plusSeconds(60)))
                        .param("id", UUID.fromString(id)).update();
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private JsonNode list(String query) {
        HttpResponse<String> answer = http().get("/gdpr/requests" + query, ApiKeys.COMPLIANCE);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonBody.tree(answer);
    }

    private List<String> idsOf(JsonNode page) {
        return page.path("items").findValuesAsString("id").stream().filter(ids::contains).toList();
    }

    private String id(int day) {
        return ids.get(day - 1);
    }

    @Test
    void everyRequestNewestFirstWithItsReceiptsAndDeadline() {
        JsonNode page = list("");
        assertThat(idsOf(page)).containsExactly(id(5), id(4), id(3), id(2), id(1));
        assertThat(page.path("next").isNull()).isTrue();
        JsonNode done = page.path("items").get(3);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("completedAt").asString()).isEqualTo("2026-11-02T10:01:00Z");
        assertThat(done.path("customerId").isNull()).isTrue();
        assertThat(done.path("receipts").findValuesAsString("store"))
                .containsExactlyInAnyOrder("audit", "classify", "embedding", "ingestion");
        assertThat(done.path("receipts").findValuesAsString("state")).containsOnly("DONE");
        JsonNode late = page.path("items").get(2);
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("dueAt").asString()).isEqualTo("2026-11-04T10:00:00Z");
        assertThat(late.path("receipts").findValuesAsString("state")).doesNotContain("DONE");
    }

    @Test
    void filtersByStatusOverdueAndWhenTheRequestWasMade() {
        assertThat(idsOf(list("?status=COMPLETED"))).containsExactly(id(2), id(1));
        assertThat(idsOf(list("?status=IN_PROGRESS"))).containsExactly(id(5), id(4), id(3));
        assertThat(idsOf(list("?overdue=true"))).containsExactly(id(3));
        assertThat(idsOf(list("?overdue=false&status=IN_PROGRESS"))).containsExactly(id(5), id(4));
        assertThat(idsOf(list("?since=2026-11-02T10:00:00Z&until=2026-11-04T10:00:00Z")))
                .containsExactly(id(3), id(2));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        JsonNode first = list("?limit=2");
        assertThat(idsOf(first)).containsExactly(id(5), id(4));
        String next = first.path("next").asString();
        assertThat(next).isNotBlank();
        JsonNode second = list("?limit=2&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(idsOf(second)).containsExactly(id(3), id(2));
        JsonNode third = list("?limit=2&after=" + URLEncoder.encode(second.path("next").asString(),
                StandardCharsets.UTF_8));
        assertThat(idsOf(third)).containsExactly(id(1));
        assertThat(third.path("next").isNull()).isTrue();
        // A filter holds on every page.
        JsonNode open = list("?status=IN_PROGRESS&limit=1&after="
                + URLEncoder.encode(list("?status=IN_PROGRESS&limit=1").path("next").asString(), StandardCharsets.UTF_8));
        assertThat(idsOf(open)).containsExactly(id(4));
    }

    @Test
    void badParametersAre400NamingTheField() {
        for (String[] bad : new String[][] {{"?status=DONE", "status"}, {"?overdue=yes", "overdue"},
                {"?since=yesterday", "since"}, {"?until=2026-13-01", "until"},
                {"?since=2026-11-05T00:00:00Z&until=2026-11-01T00:00:00Z", "until"}, {"?limit=0", "limit"},
                {"?limit=201", "limit"}, {"?limit=many", "limit"}, {"?after=not-a-cursor", "after"}}) {
            HttpResponse<String> refused = http().get("/gdpr/requests" + bad[0], ApiKeys.COMPLIANCE);
            PlatformContract.assertProblem(refused, 400);
            PlatformContract.assertNamesField(refused, bad[1]);
        }
    }

    @Test
    void onlyComplianceMayList() {
        for (String key : List.of(ApiKeys.ANALYST, ApiKeys.OPS, ApiKeys.CLASSIFIER)) {
            PlatformContract.assertProblem(http().get("/gdpr/requests", key), 403);
        }
        PlatformContract.assertProblem(http().get("/gdpr/requests", null), 401);
    }
}
