package io.triage.classify.model;

import org.jspecify.annotations.Nullable;

/**
 * The ML tier as the tier chain sees it: one sanitised text in, one answer per head out. Implementations pick the
 * model version (production, or the canary for a share of ticket ids) and name it in the answer.
 */
public interface ModelTier {

    /**
     * @param sanitisedText subject and description after PII sanitisation
     * @param ticketId      the ticket's id when known; it decides canary routing by a stable hash
     * @throws NoModelException when no model has been promoted to production yet
     */
    ModelAnswer predict(String sanitisedText, @Nullable String ticketId);
}
