package io.triage.classify.tier;

import org.jspecify.annotations.Nullable;

/**
 * A historical ticket near the one being classified (embedding-service), with the labels it carries.
 *
 * @param ticketId   the historical ticket
 * @param similarity cosine similarity to the new ticket
 * @param department its department label, when known
 * @param urgency    its urgency label, when known
 * @param sentiment  its sentiment label, when known
 * @param text       its sanitised text when the search returns it (used as a few-shot example)
 */
public record SimilarTicket(String ticketId, double similarity, @Nullable String department,
        @Nullable String urgency, @Nullable String sentiment, @Nullable String text) {
}
