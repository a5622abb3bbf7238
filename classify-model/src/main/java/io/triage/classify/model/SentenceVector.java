package io.triage.classify.model;

import java.util.Objects;

/**
 * A text's sentence vector computed elsewhere (embedding-service's {@code POST /search} with
 * {@code includeVector}), named by the model that computed it, so that a model whose encoder gives the same vectors
 * ({@link SentenceEncoder#embeddingServiceModel()}) can read it instead of encoding the text again.
 *
 * @param model  the embedding-service model id that encoded the text
 * @param vector the text's unit-length vector
 */
public record SentenceVector(String model, float[] vector) {

    public SentenceVector {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vector, "vector");
    }
}
