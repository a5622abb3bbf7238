package io.triage.ingestion.label;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One validation of a ticket's labels: any subset of the three heads, who said so and when.
 *
 * @param ticketId    the ticket (ingestion-service's id)
 * @param department  the validated department, if this validation names one
 * @param urgency     the validated urgency, if named
 * @param sentiment   the validated sentiment, if named
 * @param source      where the validation comes from ({@code agent-feedback}, {@code source-system} …)
 * @param validatedBy the person or system that validated, when known
 * @param validatedAt when it was validated; the latest validation of a ticket wins
 */
public record Validation(UUID ticketId, @Nullable String department, @Nullable String urgency,
        @Nullable String sentiment, String source, @Nullable String validatedBy, Instant validatedAt) {
}
