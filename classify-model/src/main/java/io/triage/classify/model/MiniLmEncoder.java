package io.triage.classify.model;

import java.util.List;
import java.util.Optional;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantised ONNX, 384 dimensions, in-process from the model file inside the langchain4j jar: the
 * model embedding-service encodes with. Its tokenizer cuts at 128 tokens, as embedding-service's model
 * {@value #EMBEDDING_SERVICE_MODEL} does, so the vectors equal that service's: a model trained with this encoder can
 * read the query vector embedding-service's {@code POST /search} returns instead of encoding the ticket again (one
 * encoding per ticket). The price: about 0.7 points of accuracy below bge-small on Banking77
 * (benchmarks/results/model-quality.md).
 */
final class MiniLmEncoder implements SentenceEncoder {

    static final String NAME = "all-minilm-l6-v2-q";
    /** embedding-service's name for the same vectors (MiniLM, 128-token cut, 384 dimensions). */
    static final String EMBEDDING_SERVICE_MODEL = "all-minilm-l6-v2-q-384";
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
    public Optional<String> embeddingServiceModel() {
        return Optional.of(EMBEDDING_SERVICE_MODEL);
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        return OnnxEncoding.encode(model, texts);
    }
}
