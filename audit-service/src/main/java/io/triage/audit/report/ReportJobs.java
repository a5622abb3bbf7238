package io.triage.audit.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;

import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs of the monthly report as jobs (table {@code report_jobs}): {@link #submit} answers at once and writes the
 * report on a background thread; {@link #runNow} writes it in the caller's thread (the monthly schedule). Only
 * months that have ended (by the service's clock) can be written, since the archived files are never rewritten.
 * A job still {@code RUNNING} after {@link #ABANDONED_AFTER} (its process died) is shown as {@code FAILED}.
 */
@Service
public class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    /** Far beyond a run's real length (seconds), so only a job whose process died is ever failed this way. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final ReportArchive archive;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("monthly-report").factory());

    ReportJobs(JdbcClient jdbc, ReportArchive archive, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.json = json;
        this.clock = clock;
    }

    /** Accepts a run for {@code month} (400 naming {@code month} unless it has ended) and starts it. */
    public ReportJob submit(YearMonth month) {
        requireEnded(month);
        ReportJob job = insert(month, "api");
        try {
            runner.execute(() -> run(job.id(), month));
        } catch (RejectedExecutionException e) {
            finish(job.id(), null, "audit-service stopped before the job ran");
            throw new UnavailableException("audit-service is shutting down", Duration.ofSeconds(30));
        }
        return job;
    }

    /** Writes {@code month}'s report now, in the caller's thread, recorded as a job. */
    public ReportJob runNow(YearMonth month, String trigger) {
        requireEnded(month);
        ReportJob job = insert(month, trigger);
        run(job.id(), month);
        return find(job.id()).orElseThrow();
    }

    public Optional<ReportJob> find(UUID id) {
        return jdbc.sql("""
                SELECT id, month, trigger, CASE WHEN state = 'RUNNING' AND created_at < :abandoned THEN 'FAILED'
                       ELSE state END, created_at, finished_at, result::text,
                       CASE WHEN state = 'RUNNING' AND created_at < :abandoned
                            THEN 'the job did not finish (its process stopped); run it again' ELSE error END
                  FROM report_jobs WHERE id = :id""")
                .param("id", id)
                .param("abandoned", OffsetDateTime.ofInstant(clock.instant().minus(ABANDONED_AFTER), ZoneOffset.UTC))
                .query(this::job).optional();
    }

    private void requireEnded(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new InvalidInputException("month", "month " + month + " has not ended yet; only ended months are"
                    + " written to the archive (GET /audit/reports/monthly shows the running figures)");
        }
    }

    private ReportJob insert(YearMonth month, String trigger) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO report_jobs (id, month, trigger, state, created_at) VALUES (?, ?, ?, 'RUNNING', ?)")
                .params(id, month.toString(), trigger, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        return new ReportJob(id, month.toString(), trigger, "RUNNING", now, null, null, null);
    }

    private void run(UUID id, YearMonth month) {
        try {
            ReportRun result = archive.write(month);
            finish(id, result, null);
            log.info("monthly report {} written to {}: {} new, {} already there, {} flagged groups", month,
                    result.location(), result.written(), result.skipped(), result.flaggedGroups().size());
        } catch (RuntimeException e) {
            log.error("monthly report {} failed", month, e);
            finish(id, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void finish(UUID id, @Nullable ReportRun result, @Nullable String error) {
        jdbc.sql("""
                UPDATE report_jobs SET state = :state, finished_at = :now, result = CAST(:result AS jsonb),
                       error = :error WHERE id = :id""")
                .param("state", error == null ? "SUCCEEDED" : "FAILED")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("result", result == null ? null : json.writeValueAsString(result))
                .param("error", error).param("id", id).update();
    }

    private ReportJob job(ResultSet rs, int row) throws SQLException {
        String result = rs.getString(7);
        OffsetDateTime finished = rs.getObject(6, OffsetDateTime.class);
        return new ReportJob(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
                result == null ? null : json.readValue(result, ReportRun.class), rs.getString(8));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
