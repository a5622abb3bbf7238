package io.triage.ingestion;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

// Where tickets flow next is TicketFlowIT's subject; here nothing listens for them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class IngestionServiceIT implements PlatformContract {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Override
    public ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @Override
    public String jsonEndpoint() {
        return "/tickets";
    }

    static String ticket(String externalId, String customer, String updatedAt, String subject) {
        return """
                {"source":"ZENDESK","externalId":"%s","customerId":"%s","channel":"email",
                 "subject":"%s","description":"Card payment declined twice","sourceUpdatedAt":"%s"}
                """.formatted(externalId, customer, subject, updatedAt);
    }

    long ticketsOf(String customer) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE customer_id = ?").param(customer).query(Long.class)
                .single();
    }

    @Test
    void duplicateDeliveryIsStoredOnce() {
        String body = ticket("Z-1", "C-dup", "2026-11-01T10:00:00Z", "Payment declined");
        assertThat(http().post("/tickets", ApiKeys.OPS, body).statusCode()).isEqualTo(200);
        assertThat(http().post("/tickets", ApiKeys.OPS, body).statusCode()).isEqualTo(200);
        assertThat(ticketsOf("C-dup")).isEqualTo(1);
    }

    @Test
    void olderVersionNeverOverwritesNewer() {
        http().post("/tickets", ApiKeys.OPS, ticket("Z-2", "C-ver", "2026-11-02T10:00:00Z", "newer"));
        HttpResponse<String> stale = http().post("/tickets", ApiKeys.OPS,
                ticket("Z-2", "C-ver", "2026-11-01T10:00:00Z", "older"));
        assertThat(stale.body()).contains("newer").doesNotContain("older");
    }

    @Test
    void personalDataNeverLeavesTheServiceRaw() {
        String body = ticket("Z-8", "C-pii", "2026-11-01T10:00:00Z", "Refund for john.doe@example.com")
                .replace("Card payment declined twice", "Call me on +44 20 7946 0958 about my refund");
        HttpResponse<String> stored = http().post("/tickets", ApiKeys.OPS, body);
        HttpResponse<String> listed = http().get("/tickets?customerId=C-pii", ApiKeys.OPS);

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(json(stored)).extractingPath("$.text").asString().contains("<EMAIL>", "<PHONE>");
        assertThat(json(stored)).extractingPath("$.piiTypes").asArray().contains("EMAIL", "PHONE");
        assertThat(stored.body()).doesNotContain("john.doe", "7946");
        assertThat(listed.body()).contains("<EMAIL>").doesNotContain("john.doe", "7946");
        String clean = jdbc.sql("SELECT c.text FROM tickets_clean c JOIN tickets t ON t.id = c.ticket_id "
                + "WHERE t.external_id = 'Z-8'").query(String.class).single();
        assertThat(clean).isEqualTo("refund for <EMAIL> call me on <PHONE> about my refund");
    }

    @Test
    void changeFeedPagesByCursorAndShowsChangedTicketsAgain() {
        long start = jdbc.sql("SELECT coalesce(max(seq), 0) FROM tickets_clean").query(Long.class).single();
        http().post("/tickets", ApiKeys.OPS, ticket("F-1", "C-feed", "2026-11-01T10:00:00Z", "first"));
        http().post("/tickets", ApiKeys.OPS, ticket("F-2", "C-feed", "2026-11-01T10:00:00Z", "second"));

        HttpResponse<String> page1 = http().get("/tickets/clean?after=" + start + "&limit=1", ApiKeys.EMBEDDING_SERVICE);
        long cursor = JsonPath.<Number>read(page1.body(), "$.nextCursor").longValue();
        HttpResponse<String> page2 = http().get("/tickets/clean?after=" + cursor + "&limit=10", ApiKeys.EMBEDDING_SERVICE);
        assertThat(json(page1)).extractingPath("$.items[*].externalId").asArray().containsExactly("F-1");
        assertThat(json(page1)).hasPath("$.items[0].createdAt");
        assertThat(json(page1)).extractingPath("$.items[0].customerId").isEqualTo("C-feed");
        assertThat(json(page2)).extractingPath("$.items[*].externalId").asArray().contains("F-2")
                .doesNotContain("F-1");

        http().post("/tickets", ApiKeys.OPS, ticket("F-1", "C-feed", "2026-11-02T10:00:00Z", "first, edited"));
        long end = JsonPath.<Number>read(page2.body(), "$.nextCursor").longValue();
        assertThat(http().get("/tickets/clean?after=" + end, ApiKeys.EMBEDDING_SERVICE).body()).contains("F-1", "edited");
    }

    @Test
    void negativeCursorIs400NamingAfter() {
        HttpResponse<String> response = http().get("/tickets/clean?after=-1", ApiKeys.EMBEDDING_SERVICE);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "after");
    }

    @Test
    void invalidTicketIs400NamingTheFieldAndStoresNothing() {
        String body = ticket("Z-3", "C-bad", "2026-11-01T10:00:00Z", "x").replace("\"email\"", "\"fax\"");
        HttpResponse<String> response = http().post("/tickets", ApiKeys.OPS, body);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "channel");
        assertThat(ticketsOf("C-bad")).isZero();
    }

    @Test
    void unknownSourceIs400NamingTheField() {
        String body = ticket("Z-4", "C-src", "2026-11-01T10:00:00Z", "x").replace("ZENDESK", "FAXMACHINE");
        HttpResponse<String> response = http().post("/tickets", ApiKeys.OPS, body);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "source");
    }

    @Test
    void erasureIsAppliedOncePerRequest() {
        http().post("/tickets", ApiKeys.OPS, ticket("Z-5", "C-erase", "2026-11-01T10:00:00Z", "a"));
        http().post("/tickets", ApiKeys.OPS, ticket("Z-6", "C-erase", "2026-11-01T10:00:00Z", "b"));
        String erasure = "{\"requestId\":\"%s\",\"customerId\":\"C-erase\"}".formatted(UUID.randomUUID());

        HttpResponse<String> first = http().post("/internal/erasures", ApiKeys.GDPR_SERVICE, erasure);
        http().post("/tickets", ApiKeys.OPS, ticket("Z-7", "C-erase", "2026-11-03T10:00:00Z", "after"));
        HttpResponse<String> replay = http().post("/internal/erasures", ApiKeys.GDPR_SERVICE, erasure);

        assertThat(json(first)).extractingPath("$.deletedRecords").isEqualTo(2);
        assertThat(json(first)).extractingPath("$.replayed").isEqualTo(false);
        assertThat(json(replay)).extractingPath("$.deletedRecords").isEqualTo(2);
        assertThat(json(replay)).extractingPath("$.replayed").isEqualTo(true);
        assertThat(ticketsOf("C-erase")).as("a replay deletes nothing new").isEqualTo(1);
    }

    @Test
    void pageSizeOutOfRangeIs400NamingLimit() {
        HttpResponse<String> response = http().get("/tickets?limit=5000", ApiKeys.OPS);
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "limit");
    }

    @Test
    void erasureAndExportAreForGdprServiceOnly() {
        http().post("/tickets", ApiKeys.OPS, ticket("Z-9", "C-x", "2026-11-01T10:00:00Z", "kept"));
        String erasure = "{\"requestId\":\"%s\",\"customerId\":\"C-x\"}".formatted(UUID.randomUUID());
        for (String caller : new String[] {ApiKeys.CLASSIFIER, ApiKeys.COMPLIANCE, ApiKeys.CLASSIFY_SERVICE}) {
            PlatformContract.assertProblem(http().post("/internal/erasures", caller, erasure), 403);
            PlatformContract.assertProblem(http().post("/internal/exports", caller, "{\"customerId\":\"C-x\"}"),
                    403);
        }
        assertThat(ticketsOf("C-x")).as("refused erasures change nothing").isEqualTo(1);
        assertThat(http().post("/internal/exports", ApiKeys.GDPR_SERVICE, "{\"customerId\":\"C-x\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theSanitisedCorpusFeedIsForEmbeddingServiceAndOpsOnly() {
        // The key a ServiceNow instance holds must not page through every customer's tickets (issue 19, finding 2).
        PlatformContract.assertProblem(http().get("/tickets/clean?after=0&limit=1", ApiKeys.CLASSIFIER), 403);
        PlatformContract.assertProblem(http().get("/tickets/clean?after=0&limit=1", ApiKeys.CLASSIFY_SERVICE), 403);
        assertThat(http().get("/tickets/clean?after=0&limit=1", ApiKeys.EMBEDDING_SERVICE).statusCode())
                .isEqualTo(200);
        assertThat(http().get("/tickets/clean?after=0&limit=1", ApiKeys.OPS).statusCode()).isEqualTo(200);
    }

    @Test
    void webhookOfASourceThatIsNotEnabledIs404() {
        HttpResponse<String> response = http().post("/webhooks/zendesk", null, "{}");
        PlatformContract.assertProblem(response, 404);
    }
}
