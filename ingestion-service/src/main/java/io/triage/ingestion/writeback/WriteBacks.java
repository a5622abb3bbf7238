package io.triage.ingestion.writeback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.triage.ingestion.mapping.WriteBackLevel;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code writebacks}: one row per decision. Each statement stands alone (no transaction spans a call to a source), so
 * an attempt is on record before the source is called.
 */
@Repository
public class WriteBacks {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WriteBacks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The decision's row with {@code plan} as its plan: inserted PENDING, or, when a delivery of it began before, the
     * stored row (a PENDING one takes the new plan). A ticket erased meanwhile inserts nothing.
     */
    Optional<WriteBack> begin(UUID ticketId, WriteBackPlan plan) {
        return jdbc.sql("""
                INSERT INTO writebacks (id, ticket_id, decision_id, source, external_id, level, mapping_version, state,
                                        plan)
                SELECT :id, :ticket, :decision, :source, :externalId, :level, :mapping, 'PENDING', CAST(:plan AS jsonb)
                 WHERE EXISTS (SELECT 1 FROM tickets WHERE id = :ticket)
                ON CONFLICT (decision_id) DO UPDATE
                   SET plan = CASE WHEN writebacks.state = 'PENDING' THEN excluded.plan ELSE writebacks.plan END,
                       level = CASE WHEN writebacks.state = 'PENDING' THEN excluded.level ELSE writebacks.level END,
                       mapping_version = CASE WHEN writebacks.state = 'PENDING' THEN excluded.mapping_version
                                              ELSE writebacks.mapping_version END
                RETURNING *
                """)
                .param("id", UUID.randomUUID()).param("ticket", ticketId).param("decision", plan.decisionId())
                .param("source", plan.source().name()).param("externalId", plan.externalId())
                .param("level", plan.level().name()).param("mapping", plan.mappingVersion())
                .param("plan", json.writeValueAsString(plan))
                .query(this::map).optional();
    }

    /**
     * Takes the PENDING write-back for one delivery until {@code until}, unless another delivery holds it; empty when
     * it is not PENDING or is held.
     */
    Optional<WriteBack> claim(UUID id, Instant until) {
        return jdbc.sql("""
                UPDATE writebacks SET claimed_until = :until
                 WHERE id = :id AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < now())
                RETURNING *
                """).param("id", id).param("until", Timestamp.from(until)).query(this::map).optional();
    }

    /** Counts an attempt, before the source is called; answers the attempts so far, this one included. */
    int attempt(UUID id) {
        return jdbc.sql("UPDATE writebacks SET attempts = attempts + 1, updated_at = now() WHERE id = :id "
                + "RETURNING attempts").param("id", id).query(Integer.class).single();
    }

    /** An attempt failed and another follows. */
    void attemptFailed(UUID id, @Nullable Integer status, String reason) {
        jdbc.sql("UPDATE writebacks SET last_status = :status, last_error = :reason, updated_at = now() WHERE id = :id")
                .param("id", id).param("status", status).param("reason", reason).update();
    }

    /** The dead letter: failed for good, with the reason. */
    void failed(UUID id, @Nullable Integer status, String reason) {
        jdbc.sql("""
                UPDATE writebacks SET state = 'FAILED', last_status = :status, last_error = :reason,
                       updated_at = now(), completed_at = now(), claimed_until = NULL
                 WHERE id = :id
                """).param("id", id).param("status", status).param("reason", reason).update();
    }

    /** Records what the source should read back as once this write-back is done (see {@code MappedValues}). */
    void expect(UUID id, @Nullable String department, @Nullable String urgency) {
        jdbc.sql("UPDATE writebacks SET expected_department = :department, expected_urgency = :urgency WHERE id = :id")
                .param("id", id).param("department", department).param("urgency", urgency).update();
    }

    /**
     * Moves the expectation to a correction's values, unless another delivery already moved it.
     *
     * @return whether this call moved it (and so records the correction)
     */
    boolean moveExpectation(Expectation from, @Nullable String department, @Nullable String urgency) {
        return jdbc.sql("""
                UPDATE writebacks SET expected_department = :department, expected_urgency = :urgency
                 WHERE id = :id AND expected_department IS NOT DISTINCT FROM :fromDepartment
                   AND expected_urgency IS NOT DISTINCT FROM :fromUrgency
                """).param("id", from.writeBackId()).param("department", department).param("urgency", urgency)
                .param("fromDepartment", from.department()).param("fromUrgency", from.urgency()).update() > 0;
    }

    /**
     * What the source should read back as after the ticket's newest successful write-back.
     *
     * @param writeBackId the write-back
     * @param decisionId  the decision it wrote
     * @param department  the department the source's fields should point to
     * @param urgency     the urgency they should point to
     */
    record Expectation(UUID writeBackId, UUID decisionId, @Nullable String department, @Nullable String urgency) {
    }

    Optional<Expectation> expectation(UUID ticketId) {
        return jdbc.sql("""
                SELECT id, decision_id, expected_department, expected_urgency FROM writebacks
                 WHERE ticket_id = :ticket AND state = 'SUCCEEDED' ORDER BY completed_at DESC LIMIT 1
                """).param("ticket", ticketId)
                .query((rs, n) -> new Expectation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    /**
     * A ticket's fields as its source shows them now.
     *
     * @param source        the ticketing system
     * @param fields        the kept source fields (JSON object)
     * @param priority      the source's own priority value
     * @param sourceUpdated the source's updated-at of the stored version
     */
    record SourceState(TicketSource source, JsonNode fields, @Nullable String priority, Instant sourceUpdated) {
    }

    Optional<SourceState> sourceState(UUID ticketId) {
        return jdbc.sql("SELECT source, source_fields::text, source_priority, source_updated_at FROM tickets "
                + "WHERE id = :id").param("id", ticketId)
                .query((rs, n) -> new SourceState(TicketSource.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? json.createObjectNode() : json.readTree(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    void succeeded(UUID id) {
        jdbc.sql("""
                UPDATE writebacks SET state = 'SUCCEEDED', updated_at = now(), completed_at = now(),
                       claimed_until = NULL
                 WHERE id = :id
                """).param("id", id).update();
    }

    /** Sets a FAILED row PENDING again with a new plan; empty when it is not FAILED (or not there). */
    Optional<WriteBack> reopen(UUID id, WriteBackPlan plan) {
        return jdbc.sql("""
                UPDATE writebacks SET state = 'PENDING', plan = CAST(:plan AS jsonb), level = :level,
                       mapping_version = :mapping, updated_at = now(), completed_at = NULL, claimed_until = NULL
                 WHERE id = :id AND state = 'FAILED'
                RETURNING *
                """).param("id", id).param("plan", json.writeValueAsString(plan)).param("level", plan.level().name())
                .param("mapping", plan.mappingVersion()).query(this::map).optional();
    }

    public Optional<WriteBack> find(UUID id) {
        return jdbc.sql("SELECT * FROM writebacks WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** The ticket's newest write-back. */
    public Optional<WriteBack> newestOf(UUID ticketId) {
        return jdbc.sql("SELECT * FROM writebacks WHERE ticket_id = :ticket ORDER BY created_at DESC LIMIT 1")
                .param("ticket", ticketId).query(this::map).optional();
    }

    /** Newest first, optionally only in {@code state} and of {@code source}. */
    public List<WriteBack> recent(@Nullable WriteBackState state, @Nullable TicketSource source, int limit) {
        return jdbc.sql("""
                SELECT * FROM writebacks
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:source AS text) IS NULL OR source = :source)
                 ORDER BY created_at DESC, id
                 LIMIT :limit
                """).param("state", state == null ? null : state.name())
                .param("source", source == null ? null : source.name()).param("limit", limit)
                .query(this::map).list();
    }

    /** Dead letters of the source (the gauge). */
    long failedCount(TicketSource source) {
        return jdbc.sql("SELECT count(*) FROM writebacks WHERE state = 'FAILED' AND source = :source")
                .param("source", source.name()).query(Long.class).single();
    }

    private WriteBack map(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new WriteBack(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("decision_id", UUID.class), TicketSource.valueOf(rs.getString("source")),
                rs.getString("external_id"), WriteBackLevel.valueOf(rs.getString("level")),
                rs.getInt("mapping_version"), WriteBackState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                json.readTree(rs.getString("plan")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), completed == null ? null : completed.toInstant());
    }
}
