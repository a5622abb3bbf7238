package io.triage.classify.lifecycle.provenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger of model versions to retire (table {@code model_retirements}): pending ones with their deadline, done
 * ones with what replaced them. Gauges {@code classify_model_retirements_pending} and
 * {@code classify_model_retirements_overdue}, counter {@code classify_model_retirements_total}.
 */
@Component
public class ModelRetirements {

    private static final String COLUMNS = "model_version, state, flagged_at, retire_by, erasures, replaced_by, "
            + "retired_at, (state = 'PENDING' AND retire_by < now()) AS overdue";

    private final JdbcClient jdbc;
    private final Counter retired;

    ModelRetirements(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.retired = Counter.builder("classify_model_retirements")
                .description("model versions retired because they were trained on an erased customer's text")
                .register(meters);
        Gauge.builder("classify_model_retirements_pending", this, r -> r.count("state = 'PENDING'"))
                .description("model versions trained on an erased customer's text, not retired yet")
                .register(meters);
        Gauge.builder("classify_model_retirements_overdue", this,
                        r -> r.count("state = 'PENDING' AND retire_by < now()"))
                .description("model versions still not retired after their retire-by date")
                .register(meters);
    }

    /** Pending retirements, earliest deadline first. */
    public List<Retirement> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM model_retirements WHERE state = 'PENDING' "
                + "ORDER BY retire_by, model_version").query(ModelRetirements::map).list();
    }

    /** Every retirement: pending ones first (earliest deadline first), then done ones, latest first. */
    public List<Retirement> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM model_retirements "
                        + "ORDER BY state DESC, retire_by, retired_at DESC NULLS LAST, model_version")
                .query(ModelRetirements::map).list();
    }

    /** Marks a pending version retired; returns false when it was not pending (another run did it). */
    public boolean markRetired(long version, @Nullable Long replacedBy) {
        boolean done = jdbc.sql("""
                UPDATE model_retirements SET state = 'DONE', retired_at = now(), replaced_by = :replacedBy
                 WHERE model_version = :v AND state = 'PENDING'
                """).param("v", version).param("replacedBy", replacedBy).update() == 1;
        if (done) {
            retired.increment();
        }
        return done;
    }

    private double count(String condition) {
        try {
            return jdbc.sql("SELECT count(*) FROM model_retirements WHERE " + condition).query(Long.class).single();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    private static Retirement map(ResultSet rs, int row) throws SQLException {
        long replaced = rs.getLong("replaced_by");
        Long replacedBy = rs.wasNull() ? null : replaced;
        Timestamp retiredAt = rs.getTimestamp("retired_at");
        return new Retirement(rs.getLong("model_version"), Retirement.State.valueOf(rs.getString("state")),
                rs.getTimestamp("flagged_at").toInstant(), rs.getTimestamp("retire_by").toInstant(),
                rs.getInt("erasures"), replacedBy, retiredAt == null ? null : retiredAt.toInstant(),
                rs.getBoolean("overdue"));
    }
}
