package io.triage.classify.model;

import java.util.Optional;

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

    /**
     * As {@link #predict(String, String)}, with the text's sentence vector when one is already known: the answering
     * model reads it instead of encoding the text when its encoder gives that model's vectors
     * ({@link ModelBundle#embeddingServiceModel()}), and encodes the text otherwise. The default ignores it.
     */
    default ModelAnswer predict(String sanitisedText, @Nullable String ticketId, @Nullable SentenceVector sentence) {
        return predict(sanitisedText, ticketId);
    }

    /**
     * The embedding-service model whose query vector the production model can read instead of encoding the text
     * (so that a caller asks for the vector only when it will be used); empty when there is none (bge-small, the
     * TF-IDF-only model, no model yet).
     */
    default Optional<String> reusableEncoding() {
        return Optional.empty();
    }
}
