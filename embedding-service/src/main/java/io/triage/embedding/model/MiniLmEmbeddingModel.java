package io.triage.embedding.model;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * all-MiniLM-L6-v2, quantised ONNX, 384 dimensions, running in-process from the model file inside the langchain4j
 * jar: no network, no download. One {@link MiniLmEncoder} (one ONNX session, one thread per run) serves two worker
 * pools: batches from ingestion and backfills are spread over the bulk pool, query texts from searches go to the
 * search pool, so a search never waits behind a bulk batch.
 *
 * <p>Named {@value #NAME} with the default cut at 128 tokens (the vectors langchain4j gave); another
 * {@code max-tokens} gives other vectors for long texts, so the name carries it ({@code all-minilm-l6-v2-q-256t-384})
 * and rows and index are kept apart.
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel, AutoCloseable {

    public static final String NAME = "all-minilm-l6-v2-q-384";
    private static final int DIMENSION = 384;

    private final String name;
    private final MiniLmEncoder encoder;
    private final EncoderPool bulk;
    private final EncoderPool search;

    /** The defaults ({@link MiniLmProperties#defaults()}), meters kept to itself: for tools and tests. */
    public MiniLmEmbeddingModel() {
        this(MiniLmProperties.defaults(), new SimpleMeterRegistry());
    }

    public MiniLmEmbeddingModel(MiniLmProperties properties, MeterRegistry meters) {
        this.name = properties.maxTokens() == MiniLmEncoder.STORED_MAX_TOKENS ? NAME
                : "all-minilm-l6-v2-q-" + properties.maxTokens() + "t-" + DIMENSION;
        this.encoder = new MiniLmEncoder(properties.maxTokens());
        this.bulk = new EncoderPool("bulk", properties.bulkWorkers(), name, meters);
        this.search = new EncoderPool("search", properties.searchWorkers(), name, meters);
    }

    @Override
    public String name() {
        return name;
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
        return bulk.encodeAll(texts, encoder::encode);
    }

    @Override
    public float[] embedQuery(String text) {
        return search.encodeAll(List.of(text), encoder::encode).getFirst();
    }

    @Override
    public void close() {
        bulk.close();
        search.close();
        encoder.close();
    }
}
