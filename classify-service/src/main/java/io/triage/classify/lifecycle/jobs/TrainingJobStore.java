package io.triage.classify.lifecycle.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code training_jobs} table. The partial unique index on active jobs makes "one job at a time" hold across
 * replicas: {@link #insert} returns empty when another job is QUEUED or RUNNING.
 */
@Repository
class TrainingJobStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, trigger, state, stage, done, total, created_at, started_at, "
            + "finished_at, result, error";

    private final JdbcClient jdbc;

    TrainingJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a QUEUED job, or returns empty while another job is active. */
    Optional<TrainingJob> insert(UUID id, String trigger, String instance) {
        try {
            jdbc.sql("""
                    INSERT INTO training_jobs (id, trigger, state, stage, instance)
                    VALUES (:id, :trigger, 'QUEUED', 'queued', :instance)
                    """).param("id", id).param("trigger", trigger).param("instance", instance).update();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return find(id);
    }

    Optional<TrainingJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_jobs WHERE id = :id").param("id", id)
                .query(TrainingJobStore::job).optional();
    }

    Optional<TrainingJob> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_jobs WHERE state IN ('QUEUED', 'RUNNING')")
                .query(TrainingJobStore::job).optional();
    }

    List<TrainingJob> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_jobs ORDER BY created_at DESC LIMIT :limit")
                .param("limit", limit).query(TrainingJobStore::job).list();
    }

    void started(UUID id) {
        jdbc.sql("""
                UPDATE training_jobs SET state = 'RUNNING', stage = 'starting', started_at = now(), heartbeat_at = now()
                WHERE id = :id AND state = 'QUEUED'
                """).param("id", id).update();
    }

    /** Progress doubles as a heartbeat. */
    void progress(UUID id, String stage, int done, int total) {
        jdbc.sql("""
                UPDATE training_jobs SET stage = :stage, done = :done, total = :total, heartbeat_at = now()
                WHERE id = :id AND state = 'RUNNING'
                """).param("id", id).param("stage", stage).param("done", done).param("total", total).update();
    }

    void heartbeat(UUID id) {
        jdbc.sql("UPDATE training_jobs SET heartbeat_at = now() WHERE id = :id AND state = 'RUNNING'")
                .param("id", id).update();
    }

    void succeeded(UUID id, @Nullable TrainingSummary result) {
        jdbc.sql("""
                UPDATE training_jobs SET state = 'SUCCEEDED', stage = 'done', done = total, finished_at = now(),
                                         result = CAST(:result AS jsonb)
                WHERE id = :id AND state IN ('QUEUED', 'RUNNING')
                """).param("id", id).param("result", result == null ? null : JSON.writeValueAsString(result))
                .update();
    }

    /** Fails the job unless it already ended; returns whether it did. */
    boolean failed(UUID id, JobProblem problem) {
        return jdbc.sql("""
                UPDATE training_jobs SET state = 'FAILED', stage = 'failed', finished_at = now(),
                                         error = CAST(:error AS jsonb)
                WHERE id = :id AND state IN ('QUEUED', 'RUNNING')
                """).param("id", id).param("error", JSON.writeValueAsString(problem)).update() == 1;
    }

    /**
     * Fails every active job that {@code instance} left behind (it just started, so it runs none), and every active
     * job of any instance whose heartbeat is older than {@code staleAfter}.
     */
    int failAbandoned(@Nullable String instance, Duration staleAfter, JobProblem problem) {
        return jdbc.sql("""
                UPDATE training_jobs SET state = 'FAILED', stage = 'failed', finished_at = now(),
                                         error = CAST(:error AS jsonb)
                WHERE state IN ('QUEUED', 'RUNNING')
                  AND (instance = :instance OR heartbeat_at < now() - make_interval(secs => :stale))
                """)
                .param("instance", instance == null ? "" : instance)
                .param("stale", staleAfter.toMillis() / 1000.0)
                .param("error", JSON.writeValueAsString(problem))
                .update();
    }

    private static TrainingJob job(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        String error = rs.getString("error");
        return new TrainingJob(rs.getObject("id", UUID.class), rs.getString("trigger"),
                JobState.valueOf(rs.getString("state")), rs.getString("stage"),
                new TrainingJob.Progress(rs.getInt("done"), rs.getInt("total")),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                result == null ? null : JSON.readValue(result, TrainingSummary.class),
                error == null ? null : JSON.readValue(error, JobProblem.class));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
