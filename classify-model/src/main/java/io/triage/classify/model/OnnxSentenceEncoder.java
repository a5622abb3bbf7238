package io.triage.classify.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.jspecify.annotations.Nullable;

/**
 * A sentence encoder running a quantised ONNX model in-process from the model file inside its langchain4j jar (no
 * network, no download): texts in batches, each vector scaled to unit length. {@link SentenceEncoders} names the
 * models this build ships.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

    /** Texts per ONNX call: large enough to spread over the cores, small enough to bound memory. */
    private static final int BATCH = 64;

    private final String name;
    private final int dimension;
    private final @Nullable String embeddingServiceModel;
    private final EmbeddingModel model;

    OnnxSentenceEncoder(String name, int dimension, @Nullable String embeddingServiceModel, EmbeddingModel model) {
        this.name = name;
        this.dimension = dimension;
        this.embeddingServiceModel = embeddingServiceModel;
        this.model = model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public Optional<String> embeddingServiceModel() {
        return Optional.ofNullable(embeddingServiceModel);
    }

    /** One unit-length vector per text, in order; a blank text is encoded as "." (the models refuse empty input). */
    @Override
    public List<float[]> encode(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(text -> TextSegment.from(text.isBlank() ? "." : text)).toList();
            for (Embedding embedding : model.embedAll(batch).content()) {
                vectors.add(unitLength(embedding.vector()));
            }
        }
        return vectors;
    }

    static float[] unitLength(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }
}
