package io.triage.classify.lifecycle.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;

import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.mlflow.FakeMlflowServer.Run;
import io.triage.classify.lifecycle.serving.ModelServing;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.TicketCsv;
import io.triage.classify.testing.TrainingJobClient;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * classify-service booted with {@code triage.classify.models.mlflow.tracking-uri} set, against a fake MLflow server
 * in MLflow's wire format: train → tracked run and staging version in MLflow → promote → {@code /classify} answers
 * from the promoted version; and MLflow failing or gone during a training run → 503, nothing registered for serving,
 * production keeps answering.
 *
 * <p>The sentence encoder is off: what MLflow receives and when it fails does not depend on the model kind, and
 * TF-IDF + LR trains in a second (the combined model is trained over HTTP in {@code TrainingJobsIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.models.poll-interval=1h",
        "triage.classify.models.sentence-encoder=none",
        "triage.classify.models.mlflow.call-timeout=5s",
        "triage.platform.resilience.max-attempts=2",
        "triage.platform.resilience.initial-backoff=10ms",
        "triage.platform.resilience.minimum-calls=100",
        "triage.platform.resilience.sliding-window-size=100"})
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MlflowLifecycleIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final FakeMlflowServer mlflow = new FakeMlflowServer();
    static final Downstreams downstreams = new Downstreams();

    @LocalServerPort
    int port;

    @Autowired
    ModelStore store;

    @Autowired
    ModelServing serving;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        registry.add("triage.classify.models.mlflow.tracking-uri", mlflow::trackingUri);
        downstreams.register(registry);
    }

    /** Once, before the service starts: the tests here look at MLflow, not at the chain's calls. */
    @BeforeAll
    static void quietDependencies() {
        downstreams.quiet();
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
        mlflow.close();
    }

    @AfterEach
    void mlflowBackToHealth() {
        mlflow.heal();
        mlflow.start();
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    /** Trains from {@code csv} as a job and returns the ended job. */
    JsonNode train(String csv) {
        return new TrainingJobClient(http()).train(csv);
    }

    JsonNode classify(String ticketId) {
        HttpResponse<String> response = http().post("/classify", ApiKeys.CLASSIFIER, """
                {"ticketId":"%s","subject":"Charged twice","description":"My card was charged twice for the same
                 invoice, please refund me.","channel":"email"}""".formatted(ticketId).replace("\n", " "));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void withTheTrackingUriSetMlflowIsTheStore() {
        assertThat(store).isInstanceOf(MlflowModelStore.class);
    }

    @Test
    @Order(2)
    void trainingIsTrackedInMlflowAndRegistersAStagingVersion() {
        JsonNode summary = TrainingJobClient.result(train(TicketCsv.of(1, 150)));
        assertThat(summary.get("stage").asString()).isEqualTo("STAGING");
        long version = summary.get("version").asLong();

        Run run = mlflow.runs().getFirst();
        assertThat(run.status).isEqualTo("FINISHED");
        assertThat(run.params).containsKeys("C", "max_iter", "ngram_range", "target_precision", "seed");
        assertThat(run.metrics).containsKeys("macro_f1", "department_accuracy", "department_macro_f1",
                "department_macro_precision", "department_macro_recall");
        // The same score, up to the last bit of a double (the job summary and the MLflow metric are serialised apart).
        assertThat(run.metrics.get("macro_f1")).isCloseTo(summary.get("macroF1").asDouble(), within(1e-12));
        assertThat(run.tags).containsEntry("trigger", "upload").containsKeys("data_fingerprint", "duration_ms")
                .containsEntry("decision", "no production model to beat");
        assertThat(mlflow.version(version).orElseThrow().stage).isEqualTo("Staging");
        assertThat(mlflow.version(version).orElseThrow().source).isEqualTo(run.artifactUri() + "/model");

        assertThat(JsonBody.elements(JsonBody.tree(http().get("/models", ApiKeys.ANALYST)))).anySatisfy(listed -> {
            assertThat(listed.path("version").asLong()).isEqualTo(version);
            assertThat(listed.path("stage").asString()).isEqualTo("STAGING");
        });
        JsonNode report = JsonBody.tree(http().get("/models/" + version + "/report", ApiKeys.ANALYST));
        assertThat(JsonBody.elements(report.path("heads"))).isNotEmpty().allSatisfy(head -> {
            assertThat(head.path("confusion").isArray()).as("confusion").isTrue();
            assertThat(head.path("precisionCoverage").isArray()).as("precisionCoverage").isTrue();
        });
        assertThat(http().get("/metrics", ApiKeys.OPS).body()).contains("classify_model_tracking_seconds_count");
    }

    @Test
    @Order(3)
    void thePromotedVersionAnswersClassify() {
        long version = mlflow.versions().getFirst().version;
        HttpResponse<String> promoted = http().post("/models/" + version + "/promote", ApiKeys.ANALYST, "");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(JsonBody.tree(promoted).path("stage").asString()).isEqualTo("PRODUCTION");
        assertThat(mlflow.version(version).orElseThrow().stage).isEqualTo("Production");

        assertThat(classify("T-1").get("modelVersion").asString()).isEqualTo(Long.toString(version));
    }

    @Test
    @Order(4)
    void mlflowAnswering500DuringTrainingIs503AndProductionKeepsServing() {
        long production = serving.productionVersion();
        int versionsBefore = mlflow.versions().size();
        mlflow.failEverything(500);

        JsonNode error = TrainingJobClient.error(train(TicketCsv.of(2, 150)), 503);
        assertThat(error.get("detail").asString()).contains("MLflow unreachable at " + mlflow.trackingUri());

        assertThat(classify("T-2").get("modelVersion").asString()).isEqualTo(Long.toString(production));
        mlflow.heal();
        assertThat(mlflow.versions()).hasSize(versionsBefore);
    }

    @Test
    @Order(5)
    void mlflowFailingHalfwayThroughRegistrationLeavesNoNewVersion() {
        long production = serving.productionVersion();
        int versionsBefore = mlflow.versions().size();
        mlflow.fail("model-versions/create", 500);

        JsonNode error = TrainingJobClient.error(train(TicketCsv.of(3, 150)), 503);
        assertThat(error.get("detail").asString()).contains("MLflow unreachable", "not registered for serving");

        mlflow.heal();
        assertThat(mlflow.versions()).hasSize(versionsBefore);
        assertThat(mlflow.runs().getLast().status).isEqualTo("FAILED");
        serving.refresh();
        assertThat(serving.productionVersion()).isEqualTo(production);
        assertThat(classify("T-3").get("modelVersion").asString()).isEqualTo(Long.toString(production));
    }

    @Test
    @Order(6)
    void mlflowGoneIs503AndProductionKeepsServing() {
        long production = serving.productionVersion();
        mlflow.stop();

        JsonNode error = TrainingJobClient.error(train(TicketCsv.of(4, 150)), 503);
        assertThat(error.get("detail").asString()).contains("MLflow unreachable at " + mlflow.trackingUri());
        assertThat(classify("T-4").get("modelVersion").asString()).isEqualTo(Long.toString(production));
    }

    @Test
    @Order(7)
    void promotingAVersionMlflowDoesNotKnowIs404() {
        PlatformContract.assertProblem(http().post("/models/9999/promote", ApiKeys.ANALYST, ""), 404);
        PlatformContract.assertProblem(http().get("/models/9999/report", ApiKeys.ANALYST), 404);
    }
}
