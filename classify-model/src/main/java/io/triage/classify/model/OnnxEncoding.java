package io.triage.classify.model;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/** How the in-process ONNX encoders run a list of texts: in batches, each vector scaled to unit length. */
final class OnnxEncoding {

    /** Texts per ONNX call: large enough to spread over the cores, small enough to bound memory. */
    private static final int BATCH = 64;

    private OnnxEncoding() {
    }

    /** One unit-length vector per text, in order; a blank text is encoded as "." (the models refuse empty input). */
    static List<float[]> encode(EmbeddingModel model, List<String> texts) {
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
