package io.triage.classify.lifecycle.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.ModelStoreContract;
import io.triage.classify.lifecycle.ModelVersion;
import io.triage.classify.lifecycle.Stage;
import io.triage.classify.lifecycle.mlflow.FakeMlflowServer.Received;
import io.triage.classify.lifecycle.mlflow.FakeMlflowServer.Run;
import io.triage.classify.model.ArtifactCodec;
import io.triage.platform.PlatformProperties;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model store contract on MLflow through its Java client, against a fake MLflow server in MLflow's wire format;
 * plus what only the MLflow store does: what a run records, where artifacts go, credentials, and failures of MLflow.
 */
class MlflowModelStoreIT implements ModelStoreContract {

    static final FakeMlflowServer mlflow = new FakeMlflowServer();

    private MlflowModelStore store = store(null, null, null, Duration.ofSeconds(10));

    static MlflowModelStore store(@Nullable String token, @Nullable String username, @Nullable String password,
            Duration callTimeout) {
        MlflowProperties properties = new MlflowProperties(mlflow.trackingUri() + "/", "ticket-triage",
                "ticket-classifier", token, username, password, false, callTimeout);
        // Breaker thresholds out of reach: each test judges single failures, not the circuit.
        PlatformProperties.Resilience resilience = new PlatformProperties.Resilience(2, Duration.ofMillis(10), 2.0,
                0.5, 50, 100, 100, Duration.ofSeconds(5));
        return MlflowModelStore.connect(properties, new ResilientCalls(resilience, new SimpleMeterRegistry()),
                Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopServer() {
        mlflow.close();
    }

    @AfterEach
    void closeStore() {
        store.close();
        mlflow.start();
    }

    @Override
    public ModelStore store() {
        return store;
    }

    @Override
    public void forgetEverything() {
        mlflow.reset();
        use(store(null, null, null, Duration.ofSeconds(10)));
    }

    private void use(MlflowModelStore replacement) {
        store.close();
        store = replacement;
    }

    @Test
    void aRunRecordsParamsMetricsTagsAndBothArtifacts() {
        byte[] bytes = ModelStoreContract.artifact("tracked");
        long version = store.register(ModelStoreContract.run("retrain-schedule", 0.77), bytes,
                ArtifactCodec.sha256(bytes), 0.77, 0.70, Stage.STAGING, "beats production");

        Run run = mlflow.runs().getFirst();
        assertThat(run.status).isEqualTo("FINISHED");
        assertThat(run.endTime).isPositive();
        assertThat(run.params).containsEntry("C", "10.0").containsEntry("max_iter", "1000")
                .containsEntry("ngram_range", "1-2").containsEntry("target_precision", "0.95")
                .containsEntry("seed", "42");
        assertThat(run.metrics).containsEntry("macro_f1", 0.77).containsEntry("department_accuracy", 0.91)
                .containsEntry("department_macro_f1", 0.77);
        assertThat(run.tags).containsEntry("trigger", "retrain-schedule")
                .containsEntry("data_fingerprint", "f".repeat(64)).containsEntry("duration_ms", "1234")
                .containsEntry("decision", "beats production").containsEntry("registered_stage", "Staging")
                .containsEntry("artifact_sha256", ArtifactCodec.sha256(bytes));
        String root = run.experimentId + "/" + run.id + "/artifacts/";
        assertThat(mlflow.artifact(root + "model/model.bin")).hasValue(bytes);
        assertThat(mlflow.artifact(root + "report.json")).isPresent();

        FakeMlflowServer.Version registered = mlflow.version(version).orElseThrow();
        assertThat(registered.source).isEqualTo(run.artifactUri() + "/model");
        assertThat(registered.runId).isEqualTo(run.id);
        assertThat(registered.stage).isEqualTo("Staging");
        assertThat(registered.tags).containsEntry("artifact_sha256", ArtifactCodec.sha256(bytes));
        assertThat(store.find(version).orElseThrow().runId().toString().replace("-", "")).isEqualTo(run.id);
    }

    @Test
    void theExperimentAndRegisteredModelAreCreatedOnceAndThenReused() {
        register("1", Stage.NONE, null);
        register("2", Stage.NONE, null);
        MlflowModelStore another = store(null, null, null, Duration.ofSeconds(10));
        byte[] bytes = ModelStoreContract.artifact("3");
        another.register(ModelStoreContract.run("upload", 0.8), bytes, ArtifactCodec.sha256(bytes), 0.8, null,
                Stage.NONE, "d");
        another.close();

        assertThat(requests("POST", "experiments/create")).hasSize(1);
        assertThat(requests("POST", "registered-models/create")).hasSize(1);
        assertThat(mlflow.runs()).extracting(r -> r.experimentId).containsOnly("1");
    }

    @Test
    void artifactsGoThroughTheArtifactProxyAndRegistryCallsThroughTheRestApi() {
        register("proxy", Stage.STAGING, null);
        assertThat(mlflow.received()).extracting(Received::path).allMatch(
                p -> p.startsWith(FakeMlflowServer.API) || p.startsWith(FakeMlflowServer.ARTIFACTS));
        assertThat(mlflow.received()).filteredOn(r -> r.method().equals("PUT")).extracting(Received::path)
                .allMatch(p -> p.startsWith(FakeMlflowServer.ARTIFACTS)).hasSize(2);
        assertThat(requests("POST", "model-versions/transition-stage")).hasSize(1);
    }

    @Test
    void aTokenIsSentAsBearerOnRegistryAndArtifactCalls() {
        use(store("s3cr3t", null, null, Duration.ofSeconds(10)));
        register("token", Stage.STAGING, null);
        store.artifact(1).orElseThrow();
        assertThat(mlflow.received()).isNotEmpty().extracting(Received::authorization)
                .containsOnly("Bearer s3cr3t");
    }

    @Test
    void aUsernameAndPasswordAreSentAsBasicAuth() {
        use(store("ignored-token", "triage", "pa55", Duration.ofSeconds(10)));
        register("basic", Stage.NONE, null);
        assertThat(mlflow.received()).isNotEmpty().extracting(Received::authorization)
                .containsOnly("Basic dHJpYWdlOnBhNTU=");
    }

    @Test
    void mlflowFailingBeforeTheVersionExistsRegistersNothingAndSaysSo() {
        mlflow.fail("/api/2.0/mlflow-artifacts/", 500);
        assertThatThrownBy(() -> register("lost", Stage.STAGING, null))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("MLflow unreachable at " + mlflow.trackingUri())
                .hasMessageContaining("not registered");
        mlflow.heal();

        assertThat(store.versions()).isEmpty();
        assertThat(store.inStage(Stage.STAGING)).isEmpty();
        assertThat(mlflow.runs()).extracting(r -> r.status).containsExactly("FAILED");
    }

    @Test
    void mlflowFailingAtTheStagingTransitionLeavesNothingTheServingPollerWouldLoad() {
        long staging = register("staging", Stage.STAGING, null);
        mlflow.fail("model-versions/transition-stage", 503);
        assertThatThrownBy(() -> register("half", Stage.STAGING, null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("MLflow unreachable");
        mlflow.heal();

        assertThat(store.inStage(Stage.STAGING).map(ModelVersion::version)).contains(staging);
        assertThat(store.versions()).filteredOn(v -> v.version() != staging)
                .allSatisfy(v -> assertThat(v.stage()).isEqualTo(Stage.NONE));
    }

    @Test
    void anUnreachableServerIs503NamingMlflow() {
        long staging = register("before", Stage.STAGING, null);
        mlflow.stop();
        assertThatThrownBy(() -> store.promoteToProduction(staging))
                .isInstanceOfSatisfying(UnavailableException.class, p -> {
                    assertThat(p.retryAfter()).isPositive();
                })
                .hasMessageContaining("MLflow unreachable at " + mlflow.trackingUri());
        assertThatThrownBy(() -> store.inStage(Stage.PRODUCTION)).isInstanceOf(ProblemException.class);
        mlflow.start();
        assertThat(store.inStage(Stage.STAGING).map(ModelVersion::version)).contains(staging);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeCountsAsUnreachable() {
        use(store(null, null, null, Duration.ofMillis(300)));
        mlflow.delay(Duration.ofSeconds(2));
        assertThatThrownBy(() -> store.versions()).isInstanceOf(ProblemException.class)
                .hasMessageContaining("MLflow unreachable").hasMessageContaining("no answer within 300 ms");
    }

    @Test
    void aCorruptDownloadStillCarriesTheRecordedChecksumSoTheLoaderRefusesIt() {
        long version = register("intact", Stage.STAGING, null);
        Run run = mlflow.runs().getFirst();
        mlflow.overwriteArtifact(run.experimentId + "/" + run.id + "/artifacts/model/model.bin", new byte[] {1, 2});
        var stored = store.artifact(version).orElseThrow();
        assertThat(ArtifactCodec.sha256(stored.bytes())).isNotEqualTo(stored.sha256());
    }

    @Test
    void versionsAreReadPageByPageThroughTheSearchEndpoint() {
        for (int i = 0; i < 5; i++) {
            register("v" + i, Stage.NONE, null);
        }
        mlflow.answerAtMostPerPage(2);
        assertThat(store.versions()).extracting(ModelVersion::version).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(requests("GET", "model-versions/search")).hasSize(3)
                .allSatisfy(r -> assertThat(r.query()).contains("filter=name='ticket-classifier'"));
    }

    private List<Received> requests(String method, String endpoint) {
        return mlflow.received().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(FakeMlflowServer.API + endpoint))
                .toList();
    }
}
