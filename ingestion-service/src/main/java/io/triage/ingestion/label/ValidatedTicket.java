package io.triage.ingestion.label;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A ticket with validated labels, as training data: the sanitised text (never the raw one) and the labels.
 *
 * @param id          the ticket
 * @param text        sanitised, normalised subject and description (from {@code tickets_clean})
 * @param department  validated department, if any
 * @param urgency     validated urgency, if any
 * @param sentiment   validated sentiment, if any
 * @param validatedAt when the current labels were validated
 */
public record ValidatedTicket(UUID id, String text, @Nullable String department, @Nullable String urgency,
        @Nullable String sentiment, Instant validatedAt) {
}
