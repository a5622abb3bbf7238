package io.triage.ingestion.export;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a customer's tickets with their clean copies and validated labels, as one snapshot; changes nothing. The
 * customer's tickets are those whose {@code customer_id} is theirs, as an erasure finds them.
 */
@Service
public class CustomerExport {

    private final JdbcClient jdbc;
    private final Counter exports;

    CustomerExport(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.exports = Counter.builder("ingestion_customer_exports")
                .description("right-of-access exports of a customer's tickets served to gdpr-service")
                .register(meters);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CustomerData of(String customerId) {
        List<CustomerData.ExportedTicket> tickets = jdbc.sql("""
                SELECT t.id, t.source, t.external_id, t.channel, t.subject, t.description, t.source_updated_at,
                       t.received_at, c.text AS clean_text, c.pii_types, c.sanitised_at,
                       l.department, l.urgency, l.sentiment, l.source AS label_source, l.validated_by,
                       l.validated_at
                  FROM tickets t
                  LEFT JOIN tickets_clean c ON c.ticket_id = t.id
                  LEFT JOIN ticket_labels l ON l.ticket_id = t.id
                 WHERE t.customer_id = :customer
                 ORDER BY t.received_at, t.id
                """).param("customer", customerId).query((rs, n) -> ticket(rs)).list();
        exports.increment();
        return new CustomerData(tickets);
    }

    private static CustomerData.ExportedTicket ticket(ResultSet rs) throws SQLException {
        String clean = rs.getString("clean_text");
        CustomerData.Sanitised sanitised = clean == null ? null : new CustomerData.Sanitised(clean,
                strings(rs.getArray("pii_types")), rs.getTimestamp("sanitised_at").toInstant());
        String labelSource = rs.getString("label_source");
        CustomerData.Labels labels = labelSource == null ? null : new CustomerData.Labels(rs.getString("department"),
                rs.getString("urgency"), rs.getString("sentiment"), labelSource, rs.getString("validated_by"),
                rs.getTimestamp("validated_at").toInstant());
        return new CustomerData.ExportedTicket(rs.getObject("id", UUID.class), rs.getString("source"),
                rs.getString("external_id"), rs.getString("channel"), rs.getString("subject"),
                rs.getString("description"), rs.getTimestamp("source_updated_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), sanitised, labels);
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
