package io.triage.classify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.triage.classify.model.ArtifactCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every {@link ModelStore} does, whichever system holds the runs and versions: implemented once per store
 * (Postgres, MLflow) so both pass the same suite.
 */
public interface ModelStoreContract {

    JsonMapper JSON = JsonMapper.builder().build();

    /** The store under test. */
    ModelStore store();

    /** Forgets every run and version, so each test starts from an empty registry. */
    void forgetEverything();

    @BeforeEach
    default void emptyRegistry() {
        forgetEverything();
    }

    static TrainingRun run(String trigger, double macroF1) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("C", 10.0);
        params.put("max_iter", 1000);
        params.put("ngram_range", "1-2");
        params.put("target_precision", 0.95);
        params.put("seed", 42L);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("macro_f1", macroF1);
        metrics.put("department_accuracy", 0.91);
        metrics.put("department_macro_f1", macroF1);
        return new TrainingRun(Instant.parse("2026-11-25T10:00:00Z"), 1234, trigger, params, metrics,
                "f".repeat(64), "{\"macroF1\":" + macroF1 + ",\"trigger\":\"" + trigger + "\",\"heads\":[]}");
    }

    static byte[] artifact(String content) {
        return ("model:" + content).getBytes(StandardCharsets.UTF_8);
    }

    default long register(String content, Stage stage, @Nullable Double baseline) {
        byte[] bytes = artifact(content);
        return store().register(run("upload", 0.8), bytes, ArtifactCodec.sha256(bytes), 0.8, baseline, stage,
                "decision for " + content);
    }

    @Test
    default void anEmptyRegistryHasNoVersionsAndNothingInAnyStage() {
        assertThat(store().versions()).isEmpty();
        assertThat(store().inStage(Stage.PRODUCTION)).isEmpty();
        assertThat(store().inStage(Stage.STAGING)).isEmpty();
        assertThat(store().find(1)).isEmpty();
        assertThat(store().artifact(1)).isEmpty();
        assertThat(store().reportJson(1)).isEmpty();
    }

    @Test
    default void aRegisteredVersionKeepsItsStageScoresDecisionAndChecksum() {
        byte[] bytes = artifact("a");
        long version = store().register(run("upload", 0.83), bytes, ArtifactCodec.sha256(bytes), 0.83, 0.71,
                Stage.NONE, "does not beat production");

        ModelVersion found = store().find(version).orElseThrow();
        assertThat(found.version()).isEqualTo(version);
        assertThat(found.stage()).isEqualTo(Stage.NONE);
        assertThat(found.macroF1()).isEqualTo(0.83);
        assertThat(found.baselineF1()).isEqualTo(0.71);
        assertThat(found.decision()).isEqualTo("does not beat production");
        assertThat(found.artifactSha256()).isEqualTo(ArtifactCodec.sha256(bytes));
        assertThat(found.runId()).isNotNull();
        assertThat(found.createdAt()).isNotNull();
        assertThat(store().inStage(Stage.NONE).map(ModelVersion::version)).contains(version);
    }

    @Test
    default void aVersionWithoutProductionToBeatHasNoBaseline() {
        long version = register("first", Stage.STAGING, null);
        assertThat(store().find(version).orElseThrow().baselineF1()).isNull();
        assertThat(store().inStage(Stage.STAGING).map(ModelVersion::version)).contains(version);
    }

    @Test
    default void versionsAreNumberedUpwardsAndListedNewestFirst() {
        long first = register("1", Stage.NONE, null);
        long second = register("2", Stage.NONE, null);
        long third = register("3", Stage.STAGING, null);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(store().versions()).extracting(ModelVersion::version).containsExactly(third, second, first);
    }

    @Test
    default void aNewStagingVersionArchivesThePreviousOne() {
        long old = register("old", Stage.STAGING, null);
        long next = register("new", Stage.STAGING, null);
        assertThat(store().inStage(Stage.STAGING).map(ModelVersion::version)).contains(next);
        assertThat(store().find(old).orElseThrow().stage()).isEqualTo(Stage.ARCHIVED);
    }

    @Test
    default void aVersionThatDoesNotReachStagingLeavesStagingAlone() {
        long staging = register("staging", Stage.STAGING, null);
        register("weaker", Stage.NONE, 0.9);
        assertThat(store().inStage(Stage.STAGING).map(ModelVersion::version)).contains(staging);
    }

    @Test
    default void promotionMovesStagingToProductionAndArchivesTheOldProduction() {
        long first = register("first", Stage.STAGING, null);
        store().promoteToProduction(first);
        assertThat(store().inStage(Stage.PRODUCTION).map(ModelVersion::version)).contains(first);
        assertThat(store().inStage(Stage.STAGING)).isEmpty();

        long second = register("second", Stage.STAGING, 0.8);
        store().promoteToProduction(second);
        assertThat(store().inStage(Stage.PRODUCTION).map(ModelVersion::version)).contains(second);
        assertThat(store().find(first).orElseThrow().stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(store().versions()).filteredOn(v -> v.stage() == Stage.PRODUCTION).hasSize(1);
    }

    @Test
    default void theArtifactComesBackByteForByteWithTheChecksumRecordedAtRegistration() {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        long version = store().register(run("upload", 0.8), bytes, ArtifactCodec.sha256(bytes), 0.8, null,
                Stage.STAGING, "no production model to beat");

        StoredArtifact stored = store().artifact(version).orElseThrow();
        assertThat(stored.version()).isEqualTo(version);
        assertThat(stored.bytes()).isEqualTo(bytes);
        assertThat(stored.sha256()).isEqualTo(ArtifactCodec.sha256(bytes));
    }

    @Test
    default void theReportOfAVersionIsTheReportOfTheRunThatProducedIt() {
        long first = store().register(run("upload", 0.61), artifact("x"), ArtifactCodec.sha256(artifact("x")),
                0.61, null, Stage.NONE, "d");
        long second = store().register(run("retrain-request", 0.72), artifact("y"),
                ArtifactCodec.sha256(artifact("y")), 0.72, null, Stage.NONE, "d");

        assertThat(JSON.readTree(store().reportJson(first).orElseThrow()))
                .isEqualTo(JSON.readTree(run("upload", 0.61).reportJson()));
        assertThat(JSON.readTree(store().reportJson(second).orElseThrow()))
                .isEqualTo(JSON.readTree(run("retrain-request", 0.72).reportJson()));
    }

    @Test
    default void anUnknownVersionIsAbsentEverywhere() {
        long version = register("only", Stage.NONE, null);
        long unknown = version + 100;
        assertThat(store().find(unknown)).isEmpty();
        assertThat(store().artifact(unknown)).isEmpty();
        assertThat(store().reportJson(unknown)).isEmpty();
    }

    @Test
    default void aRetiredVersionKeepsItsEntryAndReportWithoutItsArtifact() {
        long old = register("old", Stage.STAGING, null);
        store().promoteToProduction(old);
        long production = register("new", Stage.STAGING, null);
        store().promoteToProduction(production);

        store().retire(old);
        store().retire(old);
        store().retire(production);

        ModelVersion retired = store().find(old).orElseThrow();
        assertThat(retired.stage()).isEqualTo(Stage.RETIRED);
        assertThat(retired.retiredAt()).isNotNull();
        assertThat(retired.artifactSha256()).isEqualTo(ArtifactCodec.sha256(artifact("old")));
        assertThat(store().artifact(old)).as("artifact deleted").isEmpty();
        assertThat(store().reportJson(old)).isPresent();
        assertThat(store().find(production).orElseThrow().stage()).as("production is replaced, never retired here")
                .isEqualTo(Stage.PRODUCTION);
        assertThat(store().artifact(production)).isPresent();
    }
}
