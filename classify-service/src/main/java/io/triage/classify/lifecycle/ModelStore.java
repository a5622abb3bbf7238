package io.triage.classify.lifecycle;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where training runs are tracked and model versions registered: the {@code classify} schema by default
 * ({@link JdbcModelStore}), an MLflow tracking server and model registry when one is configured. Stages move
 * NONE → STAGING → PRODUCTION → ARCHIVED (and RETIRED from any of them); at most one version is in STAGING and one
 * in PRODUCTION, and a reader (the serving poller on any replica) sees either the old or the new production version,
 * never none.
 */
public interface ModelStore {

    /**
     * Records a run and registers its model in the given first stage (NONE or STAGING; a new STAGING version
     * archives the previous one); returns the version. Nothing the serving poller would load is left behind when
     * this fails.
     */
    long register(TrainingRun run, byte[] artifact, String sha256, double macroF1, @Nullable Double baselineF1,
            Stage stage, String decision);

    /** Moves a staging version to production and the previous production version to archived. */
    void promoteToProduction(long version);

    /** Every registered version, newest first. */
    List<ModelVersion> versions();

    Optional<ModelVersion> find(long version);

    /** The version in a stage; for STAGING and PRODUCTION there is at most one. */
    Optional<ModelVersion> inStage(Stage stage);

    /** A version's artifact bytes with the checksum recorded at registration (the loader verifies them). */
    Optional<StoredArtifact> artifact(long version);

    /**
     * Retires a version trained on an erased customer's text: stage RETIRED, artifact deleted, the rest of its
     * registry entry kept with the retirement time. The production version is not retired here: it is replaced
     * (promoted over) first, so serving never loses its model to a retirement.
     */
    void retire(long version);

    /** The evaluation report of the run that produced a version, as JSON. */
    Optional<String> reportJson(long version);
}
