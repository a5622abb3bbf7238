package io.triage.ingestion.label;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in the validated-tickets order (validatedAt, ticket id). Callers get it as an opaque URL-safe string
 * and hand it back unchanged.
 */
record LabelCursor(Instant validatedAt, UUID ticketId) {

    static LabelCursor after(ValidatedTicket ticket) {
        return new LabelCursor(ticket.validatedAt(), ticket.id());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((validatedAt + "|" + ticketId).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    static LabelCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new LabelCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
    }
}
