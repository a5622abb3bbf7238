package io.triage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.TfidfVectorizer;
import io.triage.classify.registry.ModelStore;
import io.triage.classify.registry.StoredArtifact;
import io.triage.classify.serving.ModelServing;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The model lifecycle over real HTTP and Postgres, as one ordered story: train → staging → promote → a retrain that
 * does not beat production stays out → one that does reaches staging and takes the canary share → promotion under
 * load → a corrupt artifact is refused while production keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelLifecycleIT implements PlatformContract {

    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern MODEL_VERSION = Pattern.compile("\"modelVersion\":\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelServing serving;

    @Autowired
    ModelStore store;

    @DynamicPropertySource
    static void retrainingData(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempFile("retraining", ".csv");
        Files.writeString(file, TicketCsv.of(5, 1500));
        file.toFile().deleteOnExit();
        registry.add("triage.classify.models.retraining.data-file", file::toString);
        registry.add("triage.classify.models.poll-interval", () -> "1h");
    }

    @Override
    public ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @Override
    public String jsonEndpoint() {
        return "/models/predict";
    }

    @Override
    public String jsonEndpointKey() {
        return ApiKeys.CLASSIFIER;
    }

    HttpResponse<String> train(String csv) {
        return train("/models/train", csv);
    }

    HttpResponse<String> train(String path, String csv) {
        return http().send(http().request(path, ApiKeys.ANALYST).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    HttpResponse<String> predict(String ticketId) {
        return http().post("/models/predict", ApiKeys.CLASSIFIER, """
                {"subject":"Charged twice","description":"My card was charged twice for the same invoice,
                 please refund me. Call me on 07700 900123.","ticketId":"%s","channel":"email"}
                """.formatted(ticketId).replace("\n", " "));
    }

    static long version(HttpResponse<String> response) {
        Matcher m = VERSION.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static String modelVersion(HttpResponse<String> response) {
        Matcher m = MODEL_VERSION.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return m.group(1);
    }

    @Test
    @Order(1)
    void predictionBeforeAnyPromotionIs503() {
        PlatformContract.assertProblem(predict("T-0"), 503);
    }

    @Test
    @Order(2)
    void firstModelReachesStagingAndServesOncePromoted() {
        HttpResponse<String> trained = train(TicketCsv.of(1, 150));
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);
        assertThat(trained.body()).contains("\"stage\":\"STAGING\"", "no production model to beat");
        long version = version(trained);

        HttpResponse<String> promoted = http().post("/models/" + version + "/promote", ApiKeys.ANALYST, "");
        assertThat(promoted.body()).contains("\"stage\":\"PRODUCTION\"");

        HttpResponse<String> answer = predict("T-1");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(modelVersion(answer)).isEqualTo(Long.toString(version));
        assertThat(answer.body()).contains("\"department\"", "\"topCandidates\"", "\"needsReview\"")
                .doesNotContain("07700 900123");
    }

    @Test
    @Order(3)
    void retrainThatDoesNotBeatProductionByTheMarginStaysOutOfStaging() {
        HttpResponse<String> trained = train(TicketCsv.of(1, 150));
        assertThat(trained.body()).contains("\"stage\":\"NONE\"", "does not beat production");
    }

    @Test
    @Order(4)
    void retrainThatBeatsProductionReachesStagingAndTakesTheCanaryShare() {
        HttpResponse<String> retrained = http().post("/models/retrain", ApiKeys.ANALYST, "");
        assertThat(retrained.body()).as(retrained.body()).contains("\"stage\":\"STAGING\"", "beats production");
        long staging = version(retrained);
        serving.refresh();

        int canary = 0;
        for (int i = 0; i < 400; i++) {
            if (modelVersion(predict("TICKET-" + i)).equals(Long.toString(staging))) {
                canary++;
            }
        }
        assertThat(canary).as("canary answers out of 400 at a 10 %% share").isBetween(20, 60);
        assertThat(http().get("/metrics", ApiKeys.OPS).body())
                .containsPattern("classify_model_predictions_seconds_count\\{[^}]*role=\"canary\"[^}]*version=\""
                        + staging + "\"");
    }

    @Test
    @Order(5)
    void promotionDuringLoadFailsNoRequest() throws Exception {
        long staging = jdbc.sql("SELECT version FROM model_versions WHERE stage = 'STAGING'").query(Long.class)
                .single();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<Future<?>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int c = 0; c < 4; c++) {
                clients.add(pool.submit(() -> {
                    while (running.get()) {
                        HttpResponse<String> response = predict("LOAD-" + answered.get());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else {
                            versionsSeen.add(modelVersion(response));
                            answered.incrementAndGet();
                        }
                    }
                }));
            }
            awaitRequests(answered, failures, 50);
            HttpResponse<String> promoted = http().post("/models/" + staging + "/promote", ApiKeys.ANALYST, "");
            assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
            awaitRequests(answered, failures, answered.get() + failures.get() + 50);
            running.set(false);
            for (Future<?> client : clients) {
                client.get();
            }
        }
        assertThat(failures.get()).isZero();
        assertThat(versionsSeen).contains(Long.toString(staging)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(modelVersion(predict("after"))).isEqualTo(Long.toString(staging));
    }

    /** Waits until the load clients have sent this many requests in all (requests, not time, bound the wait). */
    static void awaitRequests(AtomicInteger answered, AtomicInteger failures, int total) throws InterruptedException {
        while (answered.get() + failures.get() < total) {
            Thread.sleep(5);
        }
    }

    @Test
    @Order(6)
    void corruptArtifactIsRefusedAndProductionKeepsServing() {
        long production = serving.productionVersion();
        long spare = jdbc.sql("SELECT version FROM model_versions WHERE stage = 'NONE' LIMIT 1").query(Long.class)
                .single();
        jdbc.sql("UPDATE model_versions SET stage = 'STAGING', artifact = overlay(artifact placing '\\x00ff'::bytea "
                + "from 200) WHERE version = :v").param("v", spare).update();
        serving.refresh();

        HttpResponse<String> promote = http().post("/models/" + spare + "/promote", ApiKeys.ANALYST, "");
        PlatformContract.assertProblem(promote, 409);
        assertThat(promote.body()).contains("corrupt artifact");
        assertThat(serving.canaryVersion()).as("a corrupt canary is not loaded").isEqualTo(-1);
        assertThat(modelVersion(predict("T-2"))).isEqualTo(Long.toString(production));
        assertThat(http().get("/metrics", ApiKeys.OPS).body()).contains("classify_model_load_failures_total");
    }

    @Test
    @Order(7)
    void trainingSeesSanitisedTextSoNoPersonalDataEntersTheArtifact() {
        String csv = TicketCsv.of(7, 200).lines().map(line -> line.startsWith("subject,") ? line
                : line.replaceFirst("\",\"", "\",\"Reach me at jane.doe@example.com or 07700 900123. "))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        HttpResponse<String> trained = train(csv);
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);
        StoredArtifact artifact = store.artifact(version(trained)).orElseThrow();
        TfidfVectorizer vocabulary = ArtifactCodec.decode(artifact.bytes(), artifact.sha256()).vectorizer();
        List<String> features = IntStream.range(0, vocabulary.size()).mapToObj(vocabulary::featureName).toList();
        // 200 tickets repeat the address and number, far above min_df: raw, they would be features.
        assertThat(features).noneMatch(f -> f.contains("jane") || f.contains("900123") || f.contains("example"))
                .contains("email");
    }

    @Test
    void reportIsAvailableAsJsonAndMarkdown() {
        long version = version(train(TicketCsv.of(9, 200)));
        HttpResponse<String> json = http().get("/models/" + version + "/report", ApiKeys.ANALYST);
        HttpResponse<String> markdown = http().get("/models/" + version + "/report?format=markdown",
                ApiKeys.ANALYST);
        assertThat(json.body()).contains("\"confusion\"", "\"precisionCoverage\"", "\"operatingPoints\"");
        assertThat(markdown.body()).contains("# Model version " + version, "| class | precision | recall");
        assertThat(http().get("/models", ApiKeys.ANALYST).body()).contains("\"version\":" + version);
    }

    @Test
    void emptyTrainingFileIs422() {
        HttpResponse<String> response = train("");
        PlatformContract.assertProblem(response, 422);
        assertThat(response.body()).contains("is empty");
    }

    @Test
    void unknownLabelColumnIs422NamingColumnAndLine() {
        HttpResponse<String> response = train("text,departmnet\nhello,Billing\n");
        PlatformContract.assertProblem(response, 422);
        assertThat(response.body()).contains("unknown column 'departmnet'", "\"line\":2");
    }

    @Test
    void renamedColumnIsReadAsTheHeadItNames() {
        // Banking77's file calls its label column "category"; ?column=category=department maps it. With a single
        // class the data is refused — after the mapping, so the message names the department head.
        HttpResponse<String> response = train("/models/train?column=category=department",
                "text,category\nhello,card_arrival\nhi,card_arrival\n");
        PlatformContract.assertProblem(response, 422);
        assertThat(response.body()).contains("head 'department'");
    }

    @Test
    void malformedColumnMappingIs400NamingTheParameter() {
        HttpResponse<String> response = train("/models/train?column=category", "text,category\nhello,x\n");
        PlatformContract.assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"column\"", "source=head");
    }

    @Test
    void singleClassDatasetIs422() {
        StringBuilder csv = new StringBuilder("text,urgency\n");
        for (int i = 0; i < 40; i++) {
            csv.append("ticket ").append(i).append(",Low\n");
        }
        HttpResponse<String> response = train(csv.toString());
        PlatformContract.assertProblem(response, 422);
        assertThat(response.body()).contains("single class");
    }

    @Test
    void promotionNeedsTheAnalystRole() {
        PlatformContract.assertProblem(http().post("/models/1/promote", ApiKeys.CLASSIFIER, ""), 403);
    }

    @Test
    void promotingAnUnknownVersionIs404() {
        PlatformContract.assertProblem(http().post("/models/9999/promote", ApiKeys.ANALYST, ""), 404);
    }
}
