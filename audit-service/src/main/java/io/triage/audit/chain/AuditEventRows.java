package io.triage.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Maps {@code audit_log} rows to {@link AuditEvent}s. */
public final class AuditEventRows {

    public static final String COLUMNS = "seq, event_id, recorded_at, occurred_at, ticket_ref, user_ref, ticket_id, "
            + "user_id, on_behalf_of_ref, on_behalf_of, model_version, rule_set_version, routing_method, department, urgency, sentiment, confidence, "
            + "channel, language, customer_segment, tier_latencies, trace_id, prev_hash, hash";

    private AuditEventRows() {
    }

    public static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("ticket_ref"),
                rs.getString("user_ref"), rs.getString("ticket_id"), rs.getString("user_id"),
                rs.getString("on_behalf_of_ref"), rs.getString("on_behalf_of"),
                rs.getString("model_version"), rs.getString("rule_set_version"),
                RoutingMethod.valueOf(rs.getString("routing_method")),
                new Prediction(rs.getString("department"), rs.getString("urgency"), rs.getString("sentiment")),
                rs.getBigDecimal("confidence"), rs.getString("channel"), rs.getString("language"),
                rs.getString("customer_segment"), latencies(rs.getString("tier_latencies")), rs.getString("trace_id"),
                HexFormat.of().formatHex(rs.getBytes("prev_hash")), HexFormat.of().formatHex(rs.getBytes("hash")));
    }

    static Map<String, Long> latencies(String canonical) {
        Map<String, Long> latencies = new LinkedHashMap<>();
        if (canonical != null && !canonical.isEmpty()) {
            for (String pair : canonical.split(",")) {
                int eq = pair.lastIndexOf('=');
                latencies.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return latencies;
    }
}
