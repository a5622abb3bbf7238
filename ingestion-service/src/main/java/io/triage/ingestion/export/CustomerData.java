package io.triage.ingestion.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What ingestion-service holds of one customer: their tickets as received (raw), the sanitised copy the other
 * services see, and the validated labels.
 *
 * @param tickets oldest first
 */
public record CustomerData(List<ExportedTicket> tickets) {

    /**
     * One ticket. {@code id} is the ticket id classify-service and audit-service know it by.
     *
     * @param sanitised the clean copy; null if the ticket has not been sanitised (yet)
     * @param labels the validated labels; null if none were validated
     */
    public record ExportedTicket(UUID id, String source, String externalId, @Nullable String channel, String subject,
            String description, Instant sourceUpdatedAt, Instant receivedAt, @Nullable Sanitised sanitised,
            @Nullable Labels labels) {
    }

    /** The sanitised copy: the text with personal data replaced, and which kinds were found. */
    public record Sanitised(String text, List<String> piiTypes, Instant sanitisedAt) {
    }

    /** The validated labels, and who validated them when. */
    public record Labels(@Nullable String department, @Nullable String urgency, @Nullable String sentiment,
            String source, @Nullable String validatedBy, Instant validatedAt) {
    }
}
