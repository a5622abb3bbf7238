package io.triage.embedding.ticket;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.store.SearchFilter;
import io.triage.embedding.store.VectorMatch;
import io.triage.embedding.store.VectorStore;

/** Nearest-neighbour search over the index, by text (embedded first) or by vector; query latency is recorded. */
public class SimilarTickets {

    private final EmbeddingModel model;
    private final VectorStore store;
    private final Timer queries;

    public SimilarTickets(EmbeddingModel model, VectorStore store, MeterRegistry meters) {
        this.model = model;
        this.store = store;
        this.queries = Timer.builder("embedding.search.query")
                .description("Vector store query latency (embedding of the query text excluded)")
                .tag("store", store.kind())
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    public List<VectorMatch> byText(String text, int k, SearchFilter filter) {
        return byVector(model.embedQuery(text), k, filter);
    }

    public List<VectorMatch> byVector(float[] vector, int k, SearchFilter filter) {
        return queries.record(() -> store.search(vector, k, filter));
    }

    /** The 95th percentile of recent query latencies (Micrometer's decaying window); zero before any query. */
    public Duration recentP95() {
        for (ValueAtPercentile p : queries.takeSnapshot().percentileValues()) {
            if (p.percentile() == 0.95) {
                return Duration.ofNanos((long) p.value());
            }
        }
        return Duration.ZERO;
    }
}
