package io.triage.embedding.backfill;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.triage.embedding.ticket.TicketText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses one JSONL line of a backfill file: the fields of {@link TicketText} in camelCase (the same item shape as
 * ingestion-service's feed). Errors name the line and field, never the ticket's text.
 */
final class TicketLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TicketLines() {
    }

    static TicketText parse(String line, long lineNumber) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new BadLineException("line " + lineNumber + ": not a JSON object");
        }
        return new TicketText(required(node, "ticketId", lineNumber), optional(node, "customerId"),
                required(node, "text", lineNumber), createdAt(node, lineNumber), optional(node, "department"),
                optional(node, "urgency"), optional(node, "sentiment"));
    }

    private static String required(JsonNode node, String field, long lineNumber) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new BadLineException("line " + lineNumber + ": field '" + field + "' is missing or blank");
        }
        return value.asString();
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant createdAt(JsonNode node, long lineNumber) {
        String value = required(node, "createdAt", lineNumber);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadLineException("line " + lineNumber + ": field 'createdAt' is not an ISO-8601 instant");
        }
    }

    /** A line that cannot be a ticket; the backfill stops there and reports it. */
    static final class BadLineException extends RuntimeException {

        private final String reason;

        BadLineException(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        /** What is wrong, naming the line and field: always there, unlike other exceptions' messages. */
        @Override
        public String getMessage() {
            return reason;
        }
    }
}
