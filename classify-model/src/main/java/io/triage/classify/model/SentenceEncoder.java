package io.triage.classify.model;

import java.util.List;
import java.util.Optional;

/**
 * Turns a text into a dense sentence vector of unit length. The ML tier's second model reads these vectors beside
 * the TF-IDF features; an artifact names the encoder it was trained with, and only that encoder can serve it.
 */
public interface SentenceEncoder {

    /** Stable name stored in model artifacts. */
    String name();

    int dimension();

    /**
     * The embedding-service model whose vectors equal this encoder's (same model, same token cut, unit length), so
     * that a vector that service returned can stand in for {@link #encode(String)}; empty when there is none.
     */
    default Optional<String> embeddingServiceModel() {
        return Optional.empty();
    }

    /** Unit-length vectors, one per text, in order. */
    List<float[]> encode(List<String> texts);

    default float[] encode(String text) {
        return encode(List.of(text)).getFirst();
    }
}
