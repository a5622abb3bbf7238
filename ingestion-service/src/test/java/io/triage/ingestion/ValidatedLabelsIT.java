package io.triage.ingestion;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code PUT /tickets/{id}/labels} and {@code GET /tickets/validated} over real HTTP and Postgres. */
// Where tickets flow next is TicketFlowIT's subject; here nothing listens for them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class ValidatedLabelsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    /** Imports a ticket and answers its id. */
    String ticket(String externalId, String customer, String subject, String description) {
        HttpResponse<String> response = http().post("/tickets", ApiKeys.OPS, """
                {"source":"JIRA","externalId":"%s","customerId":"%s","channel":"web","subject":"%s",
                 "description":"%s","sourceUpdatedAt":"2026-11-01T10:00:00Z"}
                """.formatted(externalId, customer, subject, description));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("ticketId").asString();
    }

    String ticket(String externalId) {
        return ticket(externalId, "C-" + externalId, "Card declined", "My card was declined twice today");
    }

    HttpResponse<String> label(String ticketId, @Nullable String apiKey, String body) {
        return http().put("/tickets/" + ticketId + "/labels", apiKey, "application/json", body);
    }

    static String labels(String department, String urgency, String validatedAt) {
        return """
                {"department":"%s","urgency":"%s","source":"agent-feedback","validatedAt":"%s"}"""
                .formatted(department, urgency, validatedAt);
    }

    JsonNode page(String query) {
        HttpResponse<String> response = http().get("/tickets/validated?" + query, ApiKeys.CLASSIFY_SERVICE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode item(JsonNode page, String ticketId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(ticketId)) {
                return item;
            }
        }
        throw new AssertionError("ticket " + ticketId + " not in " + page);
    }

    long labelRows(String ticketId) {
        return jdbc.sql("SELECT count(*) FROM ticket_labels WHERE ticket_id = :id::uuid").param("id", ticketId)
                .query(Long.class).single();
    }

    double storedCounter() {
        String metrics = http().get("/metrics", ApiKeys.OPS).body();
        return metrics.lines()
                .filter(l -> l.startsWith("ingestion_validated_labels_stored_total{source=\"agent-feedback\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void validatedLabelsAreListedWithTheSanitisedTextOnly() {
        String id = ticket("L-PII", "C-pii", "Refund for john.doe@example.com",
                "Call me on +44 20 7946 0958 about my refund");
        HttpResponse<String> stored = label(id, ApiKeys.CLASSIFY_SERVICE, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","source":"agent-feedback",
                 "validatedBy":"agent-7","validatedAt":"2026-11-10T08:00:00Z"}""");

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(json(stored)).extractingPath("$.applied").isEqualTo(true);
        assertThat(json(stored)).extractingPath("$.department").isEqualTo("Billing");
        assertThat(json(stored)).extractingPath("$.validatedAt").isEqualTo("2026-11-10T08:00:00Z");
        JsonNode listed = item(page("since=2026-11-10T08:00:00Z&limit=1000"), id);
        assertThat(listed.get("text").asString()).contains("<EMAIL>", "<PHONE>")
                .doesNotContain("john.doe", "example.com", "7946");
        assertThat(listed.get("department").asString()).isEqualTo("Billing");
        assertThat(listed.get("urgency").asString()).isEqualTo("High");
        assertThat(listed.get("sentiment").asString()).isEqualTo("Negative");
        assertThat(listed.get("validatedAt").asString()).isEqualTo("2026-11-10T08:00:00Z");
        assertThat(listed.has("validatedBy")).as("who validated is not training data").isFalse();
    }

    @Test
    void redeliveredValidationIsStoredOnceAndCountedOnce() {
        String id = ticket("L-DUP");
        double before = storedCounter();
        HttpResponse<String> first = label(id, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "Low", "2026-11-11T09:00:00.123456789Z"));
        HttpResponse<String> again = label(id, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "Low", "2026-11-11T09:00:00.123456789Z"));

        assertThat(json(first)).extractingPath("$.applied").isEqualTo(true);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again)).extractingPath("$.applied").isEqualTo(false);
        assertThat(json(again)).extractingPath("$.urgency").isEqualTo("Low");
        assertThat(labelRows(id)).isEqualTo(1);
        assertThat(storedCounter() - before).isEqualTo(1.0);
    }

    @Test
    void olderValidationArrivingLateDoesNotOverwriteTheNewer() {
        String id = ticket("L-ORDER");
        label(id, ApiKeys.CLASSIFY_SERVICE, labels("Security", "Critical", "2026-11-12T12:00:00Z"));
        HttpResponse<String> late = label(id, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "Low", "2026-11-12T11:00:00Z"));
        HttpResponse<String> newer = label(id, ApiKeys.ANALYST, """
                {"department":"Sales","source":"analyst","validatedAt":"2026-11-12T13:00:00Z"}""");

        assertThat(json(late)).extractingPath("$.applied").isEqualTo(false);
        assertThat(json(late)).extractingPath("$.department").isEqualTo("Security");
        assertThat(json(newer)).extractingPath("$.applied").isEqualTo(true);
        assertThat(json(newer)).extractingPath("$.department").isEqualTo("Sales");
        assertThat(json(newer)).extractingPath("$.source").isEqualTo("analyst");
        JsonNode listed = item(page("since=2026-11-12T00:00:00Z&limit=1000"), id);
        assertThat(listed.get("department").asString()).isEqualTo("Sales");
        assertThat(listed.get("urgency").isNull()).as("the latest validation replaces the whole row").isTrue();
    }

    @Test
    void validationWithoutAnyLabelIs400NamingDepartmentAndStoresNothing() {
        String id = ticket("L-NONE");
        HttpResponse<String> response = label(id, ApiKeys.CLASSIFY_SERVICE, "{\"source\":\"agent-feedback\"}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "department");
        assertThat(response.body()).contains("at least one of");
        assertThat(labelRows(id)).isZero();
    }

    @Test
    void blankOrOverlongLabelIs400NamingTheField() {
        String id = ticket("L-BLANK");
        HttpResponse<String> blank = label(id, ApiKeys.CLASSIFY_SERVICE,
                "{\"department\":\"   \",\"source\":\"agent-feedback\"}");
        HttpResponse<String> overlong = label(id, ApiKeys.CLASSIFY_SERVICE,
                "{\"department\":\"" + "x".repeat(101) + "\",\"source\":\"agent-feedback\"}");
        PlatformContract.assertProblem(blank, 400);
        PlatformContract.assertProblem(overlong, 400);
        PlatformContract.assertNamesField(blank, "department");
        assertThat(blank.body()).contains("must not be blank");
        PlatformContract.assertNamesField(overlong, "department");
        assertThat(labelRows(id)).isZero();
    }

    @Test
    void unknownUrgencyOrSentimentIs400NamingTheField() {
        String id = ticket("L-VOCAB");
        HttpResponse<String> urgency = label(id, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "Whenever", "2026-11-13T00:00:00Z"));
        HttpResponse<String> sentiment = label(id, ApiKeys.CLASSIFY_SERVICE,
                "{\"sentiment\":\"Furious\",\"source\":\"agent-feedback\"}");
        PlatformContract.assertProblem(urgency, 400);
        PlatformContract.assertProblem(sentiment, 400);
        PlatformContract.assertNamesField(urgency, "urgency");
        assertThat(urgency.body()).contains("Low, Medium, High, Critical");
        PlatformContract.assertNamesField(sentiment, "sentiment");
        assertThat(labelRows(id)).isZero();
    }

    @Test
    void missingOrUnknownSourceAndFutureValidationAre400NamingTheField() {
        String id = ticket("L-SRC");
        HttpResponse<String> missing = label(id, ApiKeys.CLASSIFY_SERVICE, "{\"department\":\"Billing\"}");
        HttpResponse<String> unknown = label(id, ApiKeys.CLASSIFY_SERVICE,
                "{\"department\":\"Billing\",\"source\":\"psychic\"}");
        HttpResponse<String> future = label(id, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "Low",
                Instant.now().plusSeconds(86_400).toString()));
        HttpResponse<String> badTime = label(id, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "Low", "yesterday"));
        for (HttpResponse<String> response : List.of(missing, unknown, future, badTime)) {
            PlatformContract.assertProblem(response, 400);
        }
        PlatformContract.assertNamesField(missing, "source");
        PlatformContract.assertNamesField(unknown, "source");
        PlatformContract.assertNamesField(future, "validatedAt");
        PlatformContract.assertNamesField(badTime, "validatedAt");
        assertThat(labelRows(id)).isZero();
    }

    @Test
    void unknownTicketIs404AndAMalformedIdIs400() {
        HttpResponse<String> unknown = label(UUID.randomUUID().toString(), ApiKeys.CLASSIFY_SERVICE,
                labels("Billing", "Low", "2026-11-13T00:00:00Z"));
        HttpResponse<String> malformed = label("T-123", ApiKeys.CLASSIFY_SERVICE,
                labels("Billing", "Low", "2026-11-13T00:00:00Z"));
        PlatformContract.assertProblem(unknown, 404);
        PlatformContract.assertProblem(malformed, 400);
        PlatformContract.assertNamesField(malformed, "id");
    }

    @Test
    void labellingNeedsClassifyServiceAnalystOrAdmin() {
        String id = ticket("L-ROLES");
        String body = labels("Billing", "Low", "2026-11-14T00:00:00Z");
        PlatformContract.assertProblem(label(id, null, body), 401);
        PlatformContract.assertProblem(label(id, "not-a-key", body), 401);
        PlatformContract.assertProblem(label(id, ApiKeys.OPS, body), 403);
        PlatformContract.assertProblem(label(id, ApiKeys.COMPLIANCE, body), 403);
        // The external ticketing system's key must not write training labels (issue 19, finding 2).
        PlatformContract.assertProblem(label(id, ApiKeys.CLASSIFIER, body), 403);
        PlatformContract.assertProblem(label(id, ApiKeys.EMBEDDING_SERVICE, body), 403);
        assertThat(labelRows(id)).as("refused callers change nothing").isZero();
        assertThat(label(id, ApiKeys.ADMIN, body).statusCode()).isEqualTo(200);
        assertThat(label(id, ApiKeys.ANALYST, body).statusCode()).isEqualTo(200);
        assertThat(label(id, ApiKeys.CLASSIFY_SERVICE, body).statusCode()).isEqualTo(200);
    }

    @Test
    void listingNeedsClassifyServiceAnalystOpsOrAdmin() {
        String query = "/tickets/validated?since=2026-11-01T00:00:00Z";
        PlatformContract.assertProblem(http().get(query, null), 401);
        PlatformContract.assertProblem(http().get(query, ApiKeys.COMPLIANCE), 403);
        // The validated corpus (sanitised text and labels) is not for the external key (issue 19, finding 2).
        PlatformContract.assertProblem(http().get(query, ApiKeys.CLASSIFIER), 403);
        PlatformContract.assertProblem(http().get(query, ApiKeys.EMBEDDING_SERVICE), 403);
        assertThat(http().get(query, ApiKeys.CLASSIFY_SERVICE).statusCode()).isEqualTo(200);
        assertThat(http().get(query, ApiKeys.ANALYST).statusCode()).isEqualTo(200);
        // Operators read the same sanitised text from GET /tickets; the console's review queue needs the labels.
        assertThat(http().get(query, ApiKeys.OPS).statusCode()).isEqualTo(200);
        assertThat(http().get(query, ApiKeys.ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesFollowTheCursorAndSinceLeavesOlderValidationsOut() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String old = ticket("L-PAGE-OLD");
        label(old, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "Low", start.minusSeconds(3600).toString()));
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = ticket("L-PAGE-" + i);
            label(id, ApiKeys.CLASSIFY_SERVICE, labels("Sales", "Medium", start.plusMillis(i).toString()));
            recent.add(id);
        }

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String query = "since=" + start + "&limit=2";
        while (true) {
            JsonNode page = page(query);
            sizes.add(page.get("items").size());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            if (page.get("next").isNull()) {
                break;
            }
            query = "since=" + start + "&limit=2&after=" + page.get("next").asString();
        }
        assertThat(seen).containsExactlyElementsOf(recent);
        assertThat(sizes).containsExactly(2, 2, 1);
    }

    @Test
    void badListingParametersAre400NamingTheParameter() {
        assertThat(problemField("/tickets/validated")).isEqualTo("since");
        assertThat(problemField("/tickets/validated?since=last-week")).isEqualTo("since");
        assertThat(problemField("/tickets/validated?since=2026-11-01T00:00:00Z&after=not-a-cursor")).isEqualTo("after");
        assertThat(problemField("/tickets/validated?since=2026-11-01T00:00:00Z&limit=0")).isEqualTo("limit");
        assertThat(problemField("/tickets/validated?since=2026-11-01T00:00:00Z&limit=1001")).isEqualTo("limit");
    }

    String problemField(String path) {
        HttpResponse<String> response = http().get(path, ApiKeys.CLASSIFY_SERVICE);
        PlatformContract.assertProblem(response, 400);
        return JSON.readTree(response.body()).get("field").asString();
    }

    @Test
    void erasureRemovesTheLabelsWithTheTicket() {
        String erased = ticket("L-ERASE", "C-erase-labels", "Card declined", "declined again");
        String kept = ticket("L-KEEP", "C-keep-labels", "Card declined", "declined again");
        label(erased, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "High", "2026-11-15T10:00:00Z"));
        label(kept, ApiKeys.CLASSIFY_SERVICE, labels("Billing", "High", "2026-11-15T10:00:00Z"));

        HttpResponse<String> erasure = http().post("/internal/erasures", ApiKeys.GDPR_SERVICE,
                "{\"requestId\":\"%s\",\"customerId\":\"C-erase-labels\"}".formatted(UUID.randomUUID()));
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(200);

        assertThat(labelRows(erased)).isZero();
        assertThat(labelRows(kept)).isEqualTo(1);
        String listed = http().get("/tickets/validated?since=2026-11-15T00:00:00Z&limit=1000", ApiKeys.CLASSIFY_SERVICE)
                .body();
        assertThat(listed).contains(kept).doesNotContain(erased);
        PlatformContract.assertProblem(label(erased, ApiKeys.CLASSIFY_SERVICE,
                labels("Billing", "High", "2026-11-15T11:00:00Z")), 404);
    }

    @Test
    void openApiDescribesTheLabelEndpoints() {
        assertThat(http().get("/v3/api-docs", ApiKeys.OPS).body())
                .contains("/tickets/{id}/labels", "/tickets/validated", "Store the validated labels of a ticket");
    }
}
