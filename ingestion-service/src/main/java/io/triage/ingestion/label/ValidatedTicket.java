package io.triage.ingestion.label;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A ticket with validated labels, as training data: the sanitised text (never the raw one) and the labels.
 *
 * @param id          the ticket
 * @param customerId  the ticket's customer, when it has one: classify-service keeps only its keyed hash, to find the
 *                    model versions trained on a customer's tickets when that customer is erased
 * @param text        sanitised, normalised subject and description (from {@code tickets_clean})
 * @param department  validated department, if any
 * @param urgency     validated urgency, if any
 * @param sentiment   validated sentiment, if any
 * @param validatedAt when the current labels were validated
 */
public record ValidatedTicket(UUID id, @Nullable String customerId, String text, @Nullable String department,
        @Nullable String urgency, @Nullable String sentiment, Instant validatedAt) {
}
