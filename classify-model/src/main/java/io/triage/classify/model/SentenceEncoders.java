package io.triage.classify.model;

import java.util.List;
import java.util.Optional;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * The sentence encoders this build ships, by the name artifacts store. An encoder holds an ONNX session of tens of
 * MiB, so each is created once per process, on first use, and shared (encoders are thread-safe).
 */
public final class SentenceEncoders {

    /**
     * BAAI bge-small-en-v1.5, quantised, 384 dimensions. On Banking77 its vectors beat all-MiniLM-L6-v2's (the
     * embedding-service model) by about 0.7 points of accuracy in the combined model
     * (benchmarks/results/model-quality.md).
     */
    static final String BGE_SMALL = "bge-small-en-v1.5-q";
    /**
     * all-MiniLM-L6-v2, quantised, 384 dimensions: the model embedding-service encodes with. Its tokenizer cuts at 128
     * tokens, as embedding-service's model {@value #MINILM_IN_EMBEDDING_SERVICE} does, so the vectors equal that
     * service's: a model trained with this encoder can read the query vector embedding-service's {@code POST /search}
     * returns instead of encoding the ticket again (one encoding per ticket), at about 0.7 points of accuracy.
     */
    static final String MINILM = "all-minilm-l6-v2-q";
    /** embedding-service's name for the same vectors (MiniLM, 128-token cut, 384 dimensions). */
    static final String MINILM_IN_EMBEDDING_SERVICE = "all-minilm-l6-v2-q-384";

    private SentenceEncoders() {
    }

    /** The encoder new models are trained with. */
    public static SentenceEncoder standard() {
        return Bge.INSTANCE;
    }

    /**
     * The encoder whose vectors equal embedding-service's (the semantic cache's): what the cache's reuse threshold
     * is calibrated with when a model is trained, whichever encoder the model itself uses.
     */
    public static SentenceEncoder embeddingService() {
        return MiniLm.INSTANCE;
    }

    /** The encoder an artifact names, if this build has it. */
    public static Optional<SentenceEncoder> named(String name) {
        return switch (name) {
            case BGE_SMALL -> Optional.of(Bge.INSTANCE);
            case MINILM -> Optional.of(MiniLm.INSTANCE);
            default -> Optional.empty();
        };
    }

    /** The names {@link #named} knows, the standard one first. */
    public static List<String> names() {
        return List.of(BGE_SMALL, MINILM);
    }

    /** Lazy holder: the model loads when first asked for, not when the class loads. */
    private static final class Bge {
        static final SentenceEncoder INSTANCE = new OnnxSentenceEncoder(BGE_SMALL, 384, null,
                new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    /** Lazy holder of the MiniLM encoder (vectors equal to embedding-service's), loaded only when a model uses it. */
    private static final class MiniLm {
        static final SentenceEncoder INSTANCE = new OnnxSentenceEncoder(MINILM, 384,
                MINILM_IN_EMBEDDING_SERVICE, new AllMiniLmL6V2QuantizedEmbeddingModel());
    }
}
