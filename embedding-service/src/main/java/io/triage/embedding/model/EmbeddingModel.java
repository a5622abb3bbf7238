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

    /**
     * Embeds the text of a search. Same vector as {@link #embed}; a model may run queries apart from bulk batches
     * (MiniLM has a search pool) so that a large ingest never delays a search.
     */
    default float[] embedQuery(String text) {
        return embed(List.of(text)).getFirst();
    }
}
