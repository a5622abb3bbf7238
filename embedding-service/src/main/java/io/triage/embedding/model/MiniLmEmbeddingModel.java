package io.triage.embedding.model;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantised ONNX, 384 dimensions, running in-process from the model file inside the langchain4j
 * jar: no network, no download. Texts of a batch are spread over the available cores.
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel {

    public static final String NAME = "all-minilm-l6-v2-q-384";
    private static final int DIMENSION = 384;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        return embeddings.stream().map(e -> Vectors.normalised(e.vector())).toList();
    }
}
