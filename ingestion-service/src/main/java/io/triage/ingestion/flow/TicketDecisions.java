package io.triage.ingestion.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ticket_decisions}: one decision per ticket, the newest version's; an older one never replaces it. */
@Repository
public class TicketDecisions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TicketDecisions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<TicketDecision> find(UUID ticketId) {
        return jdbc.sql("SELECT * FROM ticket_decisions WHERE ticket_id = :id").param("id", ticketId)
                .query(this::map).optional();
    }

    /** Whether a decision for this version of the ticket, or a newer one, is already stored. */
    boolean hasDecisionFor(UUID ticketId, Instant version) {
        return jdbc.sql("SELECT count(*) FROM ticket_decisions WHERE ticket_id = :id AND ticket_version >= :version")
                .param("id", ticketId).param("version", Timestamp.from(version)).query(Long.class).single() > 0;
    }

    /**
     * Whether the stored decision was made from this input ({@link #inputHash}): a newer version with the same text
     * and channel needs no new decision.
     */
    boolean decidedFrom(UUID ticketId, String inputHash) {
        return jdbc.sql("SELECT count(*) FROM ticket_decisions WHERE ticket_id = :id AND input_hash = :hash")
                .param("id", ticketId).param("hash", inputHash).query(Long.class).single() > 0;
    }

    /** The SHA-256 (hex) of what a decision is made from: the text and the channel sent to classify-service. */
    static String inputHash(String text, @Nullable String channel) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(channel).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Stores the decision unless one for a newer version is there. A ticket erased meanwhile stores nothing (its row
     * is gone, so the foreign key finds nothing to attach to and the insert selects no row).
     *
     * @return whether it was stored
     */
    boolean store(TicketDecision d, @Nullable String inputHash) {
        return jdbc.sql("""
                INSERT INTO ticket_decisions (ticket_id, ticket_version, status, decision_id, routing_method,
                    department, urgency, sentiment, confidence, model_version, rule_set_version, answer, problem,
                    input_hash)
                SELECT :ticket, :version, :status, :decision, :method, :department, :urgency, :sentiment,
                       :confidence, :model, :rules, CAST(:answer AS jsonb), :problem, :inputHash
                 WHERE EXISTS (SELECT 1 FROM tickets WHERE id = :ticket)
                ON CONFLICT (ticket_id) DO UPDATE
                   SET ticket_version = excluded.ticket_version, status = excluded.status,
                       decision_id = excluded.decision_id, routing_method = excluded.routing_method,
                       department = excluded.department, urgency = excluded.urgency,
                       sentiment = excluded.sentiment, confidence = excluded.confidence,
                       model_version = excluded.model_version, rule_set_version = excluded.rule_set_version,
                       answer = excluded.answer, problem = excluded.problem, input_hash = excluded.input_hash,
                       decided_at = now()
                 WHERE ticket_decisions.ticket_version < excluded.ticket_version
                """)
                .param("ticket", d.ticketId())
                .param("version", Timestamp.from(d.ticketVersion()))
                .param("status", d.status())
                .param("decision", d.decisionId())
                .param("method", d.routingMethod())
                .param("department", d.department())
                .param("urgency", d.urgency())
                .param("sentiment", d.sentiment())
                .param("confidence", d.confidence())
                .param("model", d.modelVersion())
                .param("rules", d.ruleSetVersion())
                .param("answer", d.answer() == null ? null : json.writeValueAsString(d.answer()))
                .param("problem", d.problem())
                .param("inputHash", inputHash)
                .update() > 0;
    }

    private TicketDecision map(ResultSet rs, int row) throws SQLException {
        String answer = rs.getString("answer");
        Double confidence = rs.getObject("confidence", Double.class);
        return new TicketDecision(rs.getObject("ticket_id", UUID.class),
                rs.getTimestamp("ticket_version").toInstant(), rs.getString("status"),
                rs.getObject("decision_id", UUID.class), rs.getString("routing_method"), rs.getString("department"),
                rs.getString("urgency"), rs.getString("sentiment"), confidence,
                rs.getString("model_version"), rs.getString("rule_set_version"), tree(answer),
                rs.getString("problem"), rs.getTimestamp("decided_at").toInstant());
    }

    private @Nullable JsonNode tree(@Nullable String answer) {
        return answer == null ? null : json.readTree(answer);
    }
}
