package io.triage.classify.model;

import java.util.List;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * BAAI bge-small-en-v1.5, quantised ONNX, 384 dimensions, running in-process from the model file inside the
 * langchain4j jar: no network, no download. On Banking77 its vectors beat all-MiniLM-L6-v2's (the embedding-service
 * model) by about 0.7 points of accuracy in the combined model (benchmarks/results/model-quality.md).
 */
final class BgeSmallEncoder implements SentenceEncoder {

    static final String NAME = "bge-small-en-v1.5-q";
    private static final int DIMENSION = 384;

    private final BgeSmallEnV15QuantizedEmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        return OnnxEncoding.encode(model, texts);
    }
}
