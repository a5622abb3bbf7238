package io.triage.classify.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.customer.CustomerHashes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a customer's decisions with their feedback, found as an erasure finds them: by the given ticket ids (from
 * ingestion-service) or by the customer's hash (keyed, or the legacy unsalted one of older rows). Changes nothing.
 */
@Service
public class CustomerExport {

    private final JdbcClient jdbc;
    private final CustomerHashes customers;
    private final Counter exports;

    CustomerExport(JdbcClient jdbc, CustomerHashes customers, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.exports = Counter.builder("classify_customer_exports")
                .description("right-of-access exports of a customer's decisions served to gdpr-service")
                .register(meters);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CustomerDecisions of(String customerId, List<String> ticketIds) {
        List<CustomerDecisions.ExportedDecision> decisions = jdbc.sql("""
                SELECT d.id, d.ticket_id, d.routing_method, d.department, d.department_confidence, d.urgency,
                       d.urgency_confidence, d.sentiment, d.sentiment_confidence, d.rule_id, d.model_version,
                       d.channel, d.source_system, d.decided_at,
                       f.department AS feedback_department, f.urgency AS feedback_urgency,
                       f.sentiment AS feedback_sentiment, f.source AS feedback_source, f.department_correct,
                       f.received_at AS feedback_received_at
                  FROM decisions d LEFT JOIN decision_feedback f ON f.decision_id = d.id
                 WHERE d.ticket_id = ANY(:tickets) OR d.customer_hash = ANY(:hashes)
                 ORDER BY d.decided_at, d.id
                """).param("tickets", ticketIds.toArray(String[]::new))
                .param("hashes", customers.all(customerId).toArray(String[]::new))
                .query((rs, n) -> decision(rs)).list();
        exports.increment();
        return new CustomerDecisions(decisions);
    }

    private static CustomerDecisions.ExportedDecision decision(ResultSet rs) throws SQLException {
        String feedbackSource = rs.getString("feedback_source");
        CustomerDecisions.Feedback feedback = feedbackSource == null ? null : new CustomerDecisions.Feedback(
                rs.getString("feedback_department"), rs.getString("feedback_urgency"),
                rs.getString("feedback_sentiment"), feedbackSource, rs.getBoolean("department_correct"),
                rs.getTimestamp("feedback_received_at").toInstant());
        return new CustomerDecisions.ExportedDecision(rs.getObject("id", UUID.class), rs.getString("ticket_id"),
                rs.getString("routing_method"), rs.getString("department"), number(rs, "department_confidence"),
                rs.getString("urgency"), number(rs, "urgency_confidence"), rs.getString("sentiment"),
                number(rs, "sentiment_confidence"), rs.getString("rule_id"), rs.getString("model_version"),
                rs.getString("channel"), rs.getString("source_system"), rs.getTimestamp("decided_at").toInstant(),
                feedback);
    }

    private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
