package io.triage.classify.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training runs and model versions in the {@code classify} schema (the default {@link ModelStore}). Stage changes
 * happen in one transaction each, so a reader (the serving poller on any replica) sees either the old or the new
 * production version, never none.
 */
public class JdbcModelStore implements ModelStore {

    private static final String VERSION_COLUMNS = "version, run_id, stage, macro_f1, baseline_f1, decision, "
            + "artifact_sha256, created_at, stage_changed_at, retired_at";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public JdbcModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long register(TrainingRun run, byte[] artifact, String sha256, double macroF1, @Nullable Double baselineF1,
            Stage stage, String decision) {
        UUID runId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO training_runs (id, started_at, duration_ms, trigger, params, metrics, data_fingerprint,
                                           report)
                VALUES (:id, :startedAt, :duration, :trigger, CAST(:params AS jsonb), CAST(:metrics AS jsonb),
                        :fingerprint, CAST(:report AS jsonb))
                """)
                .param("id", runId)
                .param("startedAt", Timestamp.from(run.startedAt()))
                .param("duration", run.durationMillis())
                .param("trigger", run.trigger())
                .param("params", JSON.writeValueAsString(run.params()))
                .param("metrics", JSON.writeValueAsString(run.metrics()))
                .param("fingerprint", run.dataFingerprint())
                .param("report", run.reportJson())
                .update();
        if (stage == Stage.STAGING) {
            archive(Stage.STAGING);
        }
        return jdbc.sql("""
                INSERT INTO model_versions (run_id, stage, macro_f1, baseline_f1, decision, artifact, artifact_sha256)
                VALUES (:runId, :stage, :f1, :baseline, :decision, :artifact, :sha)
                RETURNING version
                """)
                .param("runId", runId)
                .param("stage", stage.name())
                .param("f1", macroF1)
                .param("baseline", baselineF1)
                .param("decision", decision)
                .param("artifact", artifact)
                .param("sha", sha256)
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional
    public void promoteToProduction(long version) {
        archive(Stage.PRODUCTION);
        jdbc.sql("UPDATE model_versions SET stage = 'PRODUCTION', stage_changed_at = now() WHERE version = :v")
                .param("v", version)
                .update();
    }

    @Override
    @Transactional
    public void retire(long version) {
        jdbc.sql("""
                UPDATE model_versions SET stage = 'RETIRED', artifact = NULL, stage_changed_at = now(),
                                          retired_at = now()
                 WHERE version = :v AND stage <> 'PRODUCTION'
                """)
                .param("v", version)
                .update();
    }

    private void archive(Stage stage) {
        jdbc.sql("UPDATE model_versions SET stage = 'ARCHIVED', stage_changed_at = now() WHERE stage = :stage")
                .param("stage", stage.name())
                .update();
    }

    @Override
    public List<ModelVersion> versions() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM model_versions ORDER BY version DESC")
                .query(JdbcModelStore::map)
                .list();
    }

    @Override
    public Optional<ModelVersion> find(long version) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE version = :v")
                .param("v", version)
                .query(JdbcModelStore::map)
                .optional();
    }

    @Override
    public Optional<ModelVersion> inStage(Stage stage) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE stage = :stage")
                .param("stage", stage.name())
                .query(JdbcModelStore::map)
                .optional();
    }

    @Override
    public Optional<StoredArtifact> artifact(long version) {
        return jdbc.sql("""
                SELECT version, artifact, artifact_sha256 FROM model_versions
                 WHERE version = :v AND artifact IS NOT NULL
                """)
                .param("v", version)
                .query((rs, row) -> new StoredArtifact(rs.getLong(1), rs.getBytes(2), rs.getString(3)))
                .optional();
    }

    @Override
    public Optional<String> reportJson(long version) {
        return jdbc.sql("""
                SELECT r.report::text FROM model_versions v JOIN training_runs r ON r.id = v.run_id
                 WHERE v.version = :v
                """)
                .param("v", version)
                .query(String.class)
                .optional();
    }

    private static ModelVersion map(ResultSet rs, int row) throws SQLException {
        double baseline = rs.getDouble("baseline_f1");
        Double baselineF1 = rs.wasNull() ? null : baseline;
        Timestamp retiredAt = rs.getTimestamp("retired_at");
        return new ModelVersion(rs.getLong("version"), rs.getObject("run_id", UUID.class),
                Stage.valueOf(rs.getString("stage")), rs.getDouble("macro_f1"), baselineF1,
                rs.getString("decision"), rs.getString("artifact_sha256"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("stage_changed_at").toInstant(),
                retiredAt == null ? null : retiredAt.toInstant());
    }
}
