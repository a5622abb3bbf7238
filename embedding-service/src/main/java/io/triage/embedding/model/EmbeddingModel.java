package io.triage.embedding.model;

import java.util.List;

/**
 * Turns sanitised ticket text into unit-length vectors. Implementations never log the text.
 */
public interface EmbeddingModel {

    /** A stable name including the dimension, e.g. {@code all-minilm-l6-v2-q-384}; rows and collections use it. */
    String name();

    int dimension();

    /**
     * Embeds every text, in order, each vector normalised to unit length so that dot product equals cosine.
     *
     * @throws ModelUnavailableException when a remote model cannot be reached after its retries
     */
    List<float[]> embed(List<String> texts);
}
