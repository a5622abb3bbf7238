package io.triage.embedding.api;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import io.triage.embedding.reconcile.Reconciler;
import io.triage.embedding.store.LuceneVectorStore;
import io.triage.embedding.store.TicketMetadata;
import io.triage.embedding.store.VectorRecord;
import io.triage.embedding.store.VectorStore;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class EmbeddingServiceIT implements PlatformContract {

    static final Path WORK = temporaryDirectory();
    static final IngestionFeedStub FEED = new IngestionFeedStub();

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("triage.embedding.lucene.path", () -> WORK.resolve("index").toString());
        registry.add("triage.embedding.backfill.directory", () -> WORK.resolve("backfill").toString());
        registry.add("spring.http.serviceclient.ingestion.base-url", FEED::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VectorStore store;

    @Autowired
    Reconciler reconciler;

    @Override
    public ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @Override
    public String jsonEndpoint() {
        return "/embeddings";
    }

    static String ticket(String id, String customer, String text, String department) {
        return """
                {"ticketId":"%s","customerId":"%s","text":"%s","createdAt":"2026-11-01T10:00:00Z",
                 "department":"%s","urgency":"high","sentiment":"negative"}""".formatted(id, customer, text,
                department);
    }

    HttpResponse<String> embed(String... tickets) {
        return http().post("/embeddings", ApiKeys.INGESTION_SERVICE,
                "{\"tickets\":[" + String.join(",", tickets) + "]}");
    }

    long rows(String customer) {
        return jdbc.sql("SELECT count(*) FROM ticket_embeddings WHERE customer_id = ?").param(customer)
                .query(Long.class).single();
    }

    @Test
    void similarTicketIsFoundByText() {
        embed(ticket("S-1", "C-s", "My card payment was declined at the supermarket", "billing"),
                ticket("S-2", "C-s", "The broadband router keeps dropping the connection", "technical"));

        HttpResponse<String> found = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"text\":\"card declined when paying\",\"k\":1}");

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json(found)).extractingPath("$.matches[*].ticketId").asArray().containsExactly("S-1");
        assertThat(json(found)).extractingPath("$.matches[0].metadata.department").isEqualTo("billing");
        assertThat(json(found)).hasPath("$.matches[0].similarity");
    }

    @Test
    void aTextSearchedThenEmbeddedIsEncodedOnce() {
        embed(ticket("V-1", "C-v", "Router installation was cancelled without any notice", "billing"));
        String text = "The engineer missed the installation appointment and the new router in the flat still shows"
                + " no signal at all";
        String search = "{\"text\":\"%s\",\"k\":10,\"filters\":{\"customerId\":\"C-v\"}}".formatted(text);
        double hitsBefore = vectorCacheHits();

        HttpResponse<String> before = http().post("/search", ApiKeys.CLASSIFY_SERVICE, search);
        HttpResponse<String> embedded = embed(ticket("V-2", "C-v", text, "billing"));

        assertThat(json(embedded)).extractingPath("$.embedded").isEqualTo(1);
        assertThat(vectorCacheHits()).as("the ticket's text was encoded by the search").isEqualTo(hitsBefore + 1);
        HttpResponse<String> after = http().post("/search", ApiKeys.CLASSIFY_SERVICE, search);
        assertThat(JsonPath.<List<String>>read(after.body(), "$.matches[?(@.ticketId != 'V-2')].ticketId"))
                .isEqualTo(JsonPath.read(before.body(), "$.matches[*].ticketId")).contains("V-1");
        assertThat(JsonPath.<List<Double>>read(after.body(), "$.matches[?(@.ticketId != 'V-2')].similarity"))
                .as("the cached vector finds what the encoded one found").isEqualTo(
                        JsonPath.read(before.body(), "$.matches[*].similarity"));
        assertThat(JsonPath.<Double>read(after.body(), "$.matches[0].similarity"))
                .as("the embedded ticket's vector is the search's").isCloseTo(1.0, within(1e-5));
        assertThat(json(after)).extractingPath("$.matches[0].ticketId").isEqualTo("V-2");
    }

    @Test
    void includeVectorReturnsTheQueryVectorThatFindsTheSameNeighbours() {
        embed(ticket("Q-1", "C-q", "The invoice shows a double charge for March", "billing"),
                ticket("Q-2", "C-q", "Wi-Fi drops every evening", "technical"));
        String filters = "\"k\":2,\"filters\":{\"customerId\":\"C-q\"}";

        HttpResponse<String> byText = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"text\":\"charged twice on my invoice\",\"includeVector\":true," + filters + "}");

        assertThat(byText.statusCode()).as(byText.body()).isEqualTo(200);
        assertThat(json(byText)).extractingPath("$.model").isEqualTo("all-minilm-l6-v2-q-384");
        List<Double> vector = JsonPath.read(byText.body(), "$.vector");
        assertThat(vector).hasSize(384);
        assertThat(vector.stream().mapToDouble(v -> v * v).sum()).isCloseTo(1.0, within(1e-4));
        HttpResponse<String> byVector = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"vector\":" + vector + "," + filters + "}");
        assertThat(JsonPath.<List<Object>>read(byVector.body(), "$.matches"))
                .as("the returned vector is the one the text was searched with")
                .isEqualTo(JsonPath.read(byText.body(), "$.matches"));
        assertThat(json(byVector)).doesNotHavePath("$.vector");
    }

    @Test
    void includeVectorThatIsNotABooleanIs400NamingIt() {
        HttpResponse<String> response = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"text\":\"invoice\",\"includeVector\":\"please\"}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "includeVector");
    }

    @Test
    void aSearchIsAnsweredWhileABulkIngestIsStillEncoding() {
        StringBuilder tickets = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            tickets.append(i == 0 ? "" : ",").append(ticket("P-" + i, "C-pool", "Bulk complaint " + i
                    + ": the parcel with order number " + i + " arrived damaged and the refund is missing", "logistics"));
        }
        CompletableFuture<HttpResponse<String>> bulk = CompletableFuture.supplyAsync(
                () -> http().post("/embeddings", ApiKeys.OPS, "{\"tickets\":[" + tickets + "]}"));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> gauge("embedding_minilm_queue{", "pool=\"bulk\"") > 0);

        HttpResponse<String> search = http().post("/search", ApiKeys.CLASSIFY_SERVICE, "{\"text\":\"damaged parcel\"}");

        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(bulk).as("the search did not wait for the bulk ingest").isNotDone();
        assertThat(json(bulk.join())).extractingPath("$.embedded").isEqualTo(1000);
    }

    double gauge(String prefix, String tag) {
        return http().get("/actuator/prometheus", ApiKeys.OPS).body().lines()
                .filter(line -> line.startsWith(prefix) && line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** {@code embedding_vector_cache_total{outcome="hit"}} as Prometheus scrapes it. */
    double vectorCacheHits() {
        return http().get("/actuator/prometheus", ApiKeys.OPS).body().lines()
                .filter(line -> line.startsWith("embedding_vector_cache_total{") && line.contains("outcome=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aTicketWithoutACustomerIsEmbeddedAndFound() {
        HttpResponse<String> embedded = embed("""
                {"ticketId":"N-1","text":"Standing order paid twice this month","createdAt":"2026-11-01T10:00:00Z"}""");

        assertThat(embedded.statusCode()).as(embedded.body()).isEqualTo(200);
        HttpResponse<String> found = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"text\":\"standing order paid twice\",\"k\":1}");
        assertThat(json(found)).extractingPath("$.matches[0].ticketId").isEqualTo("N-1");
        assertThat(json(found)).extractingPath("$.matches[0].metadata.customerId").isNull();
    }

    @Test
    void aBlankCustomerIs400NamingIt() {
        HttpResponse<String> response = embed("""
                {"ticketId":"N-2","customerId":"  ","text":"x","createdAt":"2026-11-01T10:00:00Z"}""");

        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "tickets[0].customerId");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_embeddings WHERE ticket_id = 'N-2'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void sameTicketTwiceIsEmbeddedOnce() {
        String t = ticket("I-1", "C-i", "Please close my account", "accounts");
        HttpResponse<String> first = embed(t);
        HttpResponse<String> again = embed(t);
        assertThat(json(first)).extractingPath("$.embedded").isEqualTo(1);
        assertThat(json(again)).extractingPath("$.embedded").isEqualTo(0);
        assertThat(json(again)).extractingPath("$.unchanged").isEqualTo(1);
        assertThat(rows("C-i")).isEqualTo(1);
    }

    @Test
    void labelsLearntLaterAreSearchable() {
        embed(ticket("L-1", "C-l", "Parcel never arrived", "logistics"));
        HttpResponse<String> patched = http().send(http().request("/embeddings/L-1/labels", ApiKeys.CLASSIFY_SERVICE)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"urgency\":\"low\"}")));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        HttpResponse<String> found = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"text\":\"parcel missing\",\"filters\":{\"urgency\":\"low\",\"customerId\":\"C-l\"}}");
        assertThat(json(found)).extractingPath("$.matches[?(@.ticketId == 'L-1')].metadata.urgency").asArray()
                .containsExactly("low");
        assertThat(json(found)).extractingPath("$.matches[?(@.ticketId == 'L-1')].metadata.department").asArray()
                .containsExactly("logistics");
    }

    @Test
    void unknownTicketLabelIs404() {
        HttpResponse<String> response = http().send(http().request("/embeddings/nope/labels", ApiKeys.CLASSIFY_SERVICE)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"urgency\":\"low\"}")));
        PlatformContract.assertProblem(response, 404);
    }

    @Test
    void deletingACustomerLeavesNoVectorInPostgresOrTheIndex() {
        embed(ticket("G-1", "C-gdpr", "Refund for a double charge", "billing"),
                ticket("G-2", "C-gdpr", "Cancel the double charge", "billing"),
                ticket("G-3", "C-keep", "Refund for a double charge", "billing"));

        HttpResponse<String> deleted = http().delete("/vectors?customerId=C-gdpr", ApiKeys.GDPR_SERVICE);

        assertThat(json(deleted)).extractingPath("$.deletedFromPostgres").isEqualTo(2);
        assertThat(json(deleted)).extractingPath("$.deletedFromIndex").isEqualTo(2);
        assertThat(rows("C-gdpr")).isZero();
        HttpResponse<String> search = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"text\":\"double charge refund\",\"k\":100,\"filters\":{\"customerId\":\"C-gdpr\"}}");
        assertThat(json(search)).extractingPath("$.matches").asArray().isEmpty();
        assertThat(store.revisions()).doesNotContainKeys("G-1", "G-2").containsKey("G-3");
    }

    @Test
    void deletingACustomerAlsoReachesTheIndexesOfModelsNoLongerActive() {
        // An index left by an earlier model (another name, another dimension), as a model switch leaves it.
        Path earlier = WORK.resolve("index").resolve("an-earlier-model-3");
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        try (LuceneVectorStore old = new LuceneVectorStore(earlier, 3, 16, 100, 100)) {
            old.upsert(List.of(
                    new VectorRecord("O-1", new float[] {1, 0, 0}, new TicketMetadata("C-old", null, null, null, at), 1),
                    new VectorRecord("O-2", new float[] {0, 1, 0}, new TicketMetadata("C-old", null, null, null, at), 1),
                    new VectorRecord("O-3", new float[] {0, 0, 1}, new TicketMetadata("C-other", null, null, null, at),
                            1)));
        }

        HttpResponse<String> deleted = http().delete("/vectors?customerId=C-old", ApiKeys.GDPR_SERVICE);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(json(deleted)).extractingPath("$.deletedFromInactiveIndexes").isEqualTo(2);
        try (LuceneVectorStore old = new LuceneVectorStore(earlier, 3, 16, 100, 100)) {
            assertThat(old.revisions()).containsOnlyKeys("O-3");
        }
        HttpResponse<String> again = http().delete("/vectors?customerId=C-old", ApiKeys.GDPR_SERVICE);
        assertThat(json(again)).as("a repeat finds nothing left").extractingPath("$.deletedFromInactiveIndexes")
                .isEqualTo(0);
    }

    @Test
    void deletingACustomerBlanksTheirLinesInTheBackfillFilesKeepingEveryOtherLineAtItsNumber() throws IOException {
        Path file = WORK.resolve("backfill").resolve("erasure-history.jsonl");
        Files.createDirectories(file.getParent());
        String other = "{\"ticketId\":\"B-2\",\"customerId\":\"C-stays\",\"text\":\"Printer jam\","
                + "\"createdAt\":\"2026-11-01T10:00:00Z\"}";
        Files.write(file, List.of(
                "{\"ticketId\":\"B-1\",\"customerId\":\"C-erased-bf\",\"text\":\"Jane Roe, refund\","
                        + "\"createdAt\":\"2026-11-01T10:00:00Z\"}",
                other,
                "not json, left as it is",
                "{\"ticketId\":\"B-3\",\"customerId\":\"C-erased-bf\",\"text\":\"Jane again\","
                        + "\"createdAt\":\"2026-11-01T10:00:00Z\"}"));

        HttpResponse<String> deleted = http().delete("/vectors?customerId=C-erased-bf", ApiKeys.GDPR_SERVICE);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(json(deleted)).extractingPath("$.blankedBackfillLines").isEqualTo(2);
        assertThat(Files.readAllLines(file)).containsExactly("", other, "not json, left as it is", "");
        assertThat(Files.readString(file)).doesNotContain("C-erased-bf").doesNotContain("Jane");
    }

    @Test
    void deletingWhileABackfillRunsIsRefusedWith503AndChangesNothing() throws IOException {
        embed(ticket("R-1", "C-wait", "Refund for a double charge", "billing"));
        Path file = WORK.resolve("backfill").resolve("erasure-running.jsonl");
        Files.createDirectories(file.getParent());
        String line = "{\"ticketId\":\"R-2\",\"customerId\":\"C-wait\",\"text\":\"Refund\","
                + "\"createdAt\":\"2026-11-01T10:00:00Z\"}";
        Files.write(file, List.of(line));
        UUID running = UUID.randomUUID();
        jdbc.sql("INSERT INTO backfills (id, file_name, file_sha256, model, status) VALUES (:id, 'x.jsonl', :sha, "
                + "'m', 'RUNNING')").param("id", running).param("sha", running.toString()).update();
        try {
            HttpResponse<String> refused = http().delete("/vectors?customerId=C-wait", ApiKeys.GDPR_SERVICE);

            PlatformContract.assertProblem(refused, 503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(rows("C-wait")).as("nothing deleted").isOne();
            assertThat(Files.readAllLines(file)).containsExactly(line);
        } finally {
            jdbc.sql("DELETE FROM backfills WHERE id = :id").param("id", running).update();
        }
        HttpResponse<String> deleted = http().delete("/vectors?customerId=C-wait", ApiKeys.GDPR_SERVICE);
        assertThat(json(deleted)).extractingPath("$.blankedBackfillLines").isEqualTo(1);
        assertThat(rows("C-wait")).isZero();
    }

    @Test
    void deletingIsForGdprServiceOnly() {
        embed(ticket("D-1", "C-x", "Parcel never arrived", "logistics"));
        PlatformContract.assertProblem(http().delete("/vectors?customerId=C-x", ApiKeys.CLASSIFIER), 403);
        PlatformContract.assertProblem(http().delete("/vectors?customerId=C-x", ApiKeys.COMPLIANCE), 403);
        PlatformContract.assertProblem(http().delete("/vectors?customerId=C-x", ApiKeys.CLASSIFY_SERVICE), 403);
        assertThat(rows("C-x")).as("refused deletions change nothing").isEqualTo(1);
    }

    @Test
    void theExternalClassifierKeyCannotSearchRelabelOrReadTheStore() {
        // The key a ServiceNow instance holds (issue 19, finding 2): no listing of a customer's tickets, no
        // poisoning of the cache's labels, no store internals.
        embed(ticket("P-1", "C-poison", "Parcel never arrived", "logistics"));
        PlatformContract.assertProblem(http().post("/search", ApiKeys.CLASSIFIER,
                "{\"text\":\"parcel\",\"filters\":{\"customerId\":\"C-poison\"}}"), 403);
        HttpResponse<String> relabel = http().send(http().request("/embeddings/P-1/labels", ApiKeys.CLASSIFIER)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"department\":\"fraud\"}")));
        PlatformContract.assertProblem(relabel, 403);
        PlatformContract.assertProblem(http().get("/vector-db/health", ApiKeys.CLASSIFIER), 403);
        PlatformContract.assertProblem(http().post("/embeddings", ApiKeys.CLASSIFIER,
                "{\"tickets\":[" + ticket("P-2", "C-poison", "x", "fraud") + "]}"), 403);
        assertThat(jdbc.sql("SELECT department FROM ticket_embeddings WHERE ticket_id = 'P-1'").query(String.class)
                .single()).isEqualTo("logistics");
        assertThat(rows("C-poison")).isEqualTo(1);
    }

    @Test
    void eachServiceIdentityReachesOnlyTheCallsItMakes() {
        embed(ticket("S-1", "C-ident", "Parcel never arrived", "logistics"));
        // ingestion-service indexes; it does not search or relabel.
        PlatformContract.assertProblem(http().post("/search", ApiKeys.INGESTION_SERVICE, "{\"text\":\"parcel\"}"),
                403);
        // classify-service searches and relabels; it does not index or delete.
        PlatformContract.assertProblem(http().post("/embeddings", ApiKeys.CLASSIFY_SERVICE,
                "{\"tickets\":[" + ticket("S-2", "C-ident", "x", "fraud") + "]}"), 403);
        assertThat(http().post("/search", ApiKeys.CLASSIFY_SERVICE, "{\"text\":\"parcel\"}").statusCode())
                .isEqualTo(200);
        assertThat(rows("C-ident")).isEqualTo(1);
    }

    @Test
    void kOutOfRangeIs400NamingK() {
        HttpResponse<String> response = http().post("/search", ApiKeys.CLASSIFY_SERVICE, "{\"text\":\"x\",\"k\":101}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "k");
    }

    @Test
    void wrongDimensionIs400NamingTheVector() {
        HttpResponse<String> response = http().post("/search", ApiKeys.CLASSIFY_SERVICE, "{\"vector\":[0.1,0.2]}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "vector");
        assertThat(response.body()).contains("384");
    }

    @Test
    void textAndVectorTogetherOrNeitherIs400() {
        for (String body : List.of("{\"text\":\"x\",\"vector\":[0.1]}", "{\"k\":3}")) {
            HttpResponse<String> response = http().post("/search", ApiKeys.CLASSIFY_SERVICE, body);
            PlatformContract.assertProblem(response, 400);
            assertThat(response.body()).as(body).contains("\"field\":\"text\"", "exactly one of text and vector");
        }
    }

    @Test
    void emptyTextIs400NamingTheText() {
        HttpResponse<String> response = http().post("/search", ApiKeys.CLASSIFY_SERVICE, "{\"text\":\"  \"}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "text");
    }

    @Test
    void unknownFilterIs400NamingTheFilter() {
        HttpResponse<String> response = http().post("/search", ApiKeys.CLASSIFY_SERVICE,
                "{\"text\":\"x\",\"filters\":{\"colour\":\"red\"}}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "filters.colour");
    }

    @Test
    void ticketWithoutTextIs400AndStoresNothing() {
        HttpResponse<String> response = embed(ticket("E-1", "C-empty", "", "billing"));
        PlatformContract.assertProblem(response, 400);
        assertThat(response.body()).contains("tickets[0].text");
        assertThat(rows("C-empty")).isZero();
    }

    /** A null list element reached the pipeline and failed with 500 (fuzz pass, issue 19). */
    @Test
    void aNullTicketIs400NamingItAndStoresNothing() {
        HttpResponse<String> response = http().post("/embeddings", ApiKeys.OPS,
                "{\"tickets\":[" + ticket("N-1", "C-null", "Card declined", "billing") + ",null]}");
        PlatformContract.assertProblem(response, 400);
        assertThat(response.body()).contains("tickets[1]");
        assertThat(rows("C-null")).isZero();
    }

    /** Postgres text cannot hold U+0000: the insert failed with 500 (fuzz pass, issue 19). */
    @Test
    void aNulCharacterIs400NamingTheFieldAndStoresNothing() {
        HttpResponse<String> response = embed(ticket("N-2", "C-nul\\u0000", "Card declined", "billing"));
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "tickets.0.customerId");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_embeddings WHERE ticket_id = 'N-2'").query(Long.class)
                .single()).isZero();
    }

    /** A file name Java cannot make a path of (a lone surrogate) failed with 500 (fuzz pass, issue 19). */
    @Test
    void aBackfillFileThatCannotBeAPathIs400NamingTheFile() {
        for (String file : List.of("x\\udbff", "a\\u0000b")) {
            HttpResponse<String> response = http().post("/backfill", ApiKeys.OPS, "{\"file\":\"" + file + "\"}");
            PlatformContract.assertProblem(response, 400);
            PlatformContract.assertNamesField(response, "file");
        }
    }

    @Test
    void healthReportsStoreCountAndDimension() {
        embed(ticket("H-1", "C-h", "Where is my invoice", "billing"));
        http().post("/search", ApiKeys.CLASSIFY_SERVICE, "{\"text\":\"invoice\"}");
        HttpResponse<String> health = http().get("/vector-db/health", ApiKeys.OPS);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health)).extractingPath("$.store").isEqualTo("lucene");
        assertThat(json(health)).extractingPath("$.status").isEqualTo("UP");
        assertThat(json(health)).extractingPath("$.dimension").isEqualTo(384);
        assertThat(json(health)).hasPath("$.recentQueryP95Millis");
    }

    @Test
    void entriesMissingFromTheIndexAreRestoredByReconcile() {
        embed(ticket("R-1", "C-r", "Engineer did not show up", "field-service"));
        store.deleteByTicketIds(java.util.List.of("R-1"));

        HttpResponse<String> report = http().post("/reconcile", ApiKeys.OPS, "");

        assertThat(json(report)).extractingPath("$.missing").isEqualTo(1);
        assertThat(store.revisions()).containsKey("R-1");
        assertThat(reconciler.reconcile().consistent()).isTrue();
    }

    @Test
    void backfillOfAFileEmbedsEveryTicket() throws Exception {
        Path directory = WORK.resolve("backfill");
        Files.createDirectories(directory);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            lines.append(ticket("B-" + i, "C-backfill", "Backfilled complaint number " + i, "billing")
                    .replace("\n", "")).append('\n');
        }
        Files.writeString(directory.resolve("history.jsonl"), lines);

        HttpResponse<String> started = http().post("/backfill", ApiKeys.OPS, "{\"file\":\"history.jsonl\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JsonPath.read(started.body(), "$.id");
        // Embedding is CPU-bound: the wait is bounded by a generous ceiling, the job's own state ends it.
        String status = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http().get("/backfill/" + id, ApiKeys.OPS).body(),
                        body -> List.of("COMPLETED", "FAILED").contains(JsonPath.<String>read(body, "$.status")));
        assertThat(json(status)).extractingPath("$.status").isEqualTo("COMPLETED");
        assertThat(json(status)).extractingPath("$.linesDone").isEqualTo(25);
        assertThat(json(status)).extractingPath("$.ticketsDone").isEqualTo(25);
        assertThat(rows("C-backfill")).isEqualTo(25);
    }

    @Test
    void backfillOutsideItsDirectoryIs400() {
        HttpResponse<String> response = http().post("/backfill", ApiKeys.OPS, "{\"file\":\"../../etc/passwd\"}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "file");
    }

    @Test
    void syncEmbedsTheFeedOnceAndResumesAfterItsCursor() {
        HttpResponse<String> first = http().post("/sync", ApiKeys.OPS, "");
        HttpResponse<String> second = http().post("/sync", ApiKeys.OPS, "");

        assertThat(json(first)).extractingPath("$.ticketsRead").as(first.body()).isEqualTo(4);
        assertThat(json(second)).extractingPath("$.ticketsRead").isEqualTo(0);
        assertThat(rows("C-feed")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_embeddings WHERE ticket_id = 'F-4' AND customer_id IS NULL")
                .query(Long.class).single()).as("a ticket without a customer is embedded, not a stalled cursor")
                .isEqualTo(1);
        assertThat(FEED.cursorsAsked()).containsExactly("", "4");
        assertThat(FEED.keysPresented()).as("embedding-service's own identity, not an operator's key")
                .containsOnly(ApiKeys.EMBEDDING_SERVICE);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("embedding-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
