package io.triage.embedding.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the vectors of recently encoded texts, so that a text asked for twice within a short time is encoded
 * once: classify-service searches by a ticket's sanitised text and ingestion-service embeds the same text a few
 * milliseconds apart. Encoding is deterministic for a given model and text, so a remembered vector is the one the
 * model would return again.
 *
 * <p>Entries are keyed by the SHA-256 of the exact text ({@link ContentHash}; one cache wraps one model, so its name
 * and dimension are the same for every entry): the cache holds hashes and vectors, never text. At most {@code maxEntries} are kept (Caffeine, which evicts the least likely to be asked
 * again). A batch looks every text up and sends only the misses to the model, in one call; the answer keeps the
 * order of the texts. Concurrent calls for the same text share one encode: the first claims the entry with a
 * pending future, the others wait for it. A failed encode is never kept: its entries are dropped, the failure goes
 * to every caller waiting for it, and the next call asks the model again. Callers get copies, so nothing they do to a
 * vector changes the cache.
 *
 * <p>Counts {@code embedding.vector.cache{outcome=hit|miss}} per text (a hit is a vector from the cache or from an
 * encode already under way) and gauges the entries as {@code embedding.vector.cache.entries}.
 */
public final class CachingEmbeddingModel implements EmbeddingModel, AutoCloseable {

    private final EmbeddingModel model;
    private final ConcurrentMap<String, CompletableFuture<float[]>> vectors;
    private final Counter hits;
    private final Counter misses;

    private CachingEmbeddingModel(EmbeddingModel model, int maxEntries, MeterRegistry meters) {
        this.model = model;
        AsyncCache<String, float[]> cache = Caffeine.newBuilder().maximumSize(maxEntries).buildAsync();
        this.vectors = cache.asMap();
        this.hits = outcomes(meters, "hit");
        this.misses = outcomes(meters, "miss");
        // Micrometer holds a gauge's object weakly: this view lives as long as the model.
        Gauge.builder("embedding.vector.cache.entries", vectors, Map::size)
                .description("Vectors held by the recent-vector cache").tag("model", model.name()).register(meters);
    }

    /** {@code model} behind a cache of at most {@code maxEntries} vectors; {@code model} itself when that is 0. */
    public static EmbeddingModel of(EmbeddingModel model, int maxEntries, MeterRegistry meters) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("a vector cache cannot hold " + maxEntries + " entries");
        }
        return maxEntries == 0 ? model : new CachingEmbeddingModel(model, maxEntries, meters);
    }

    private Counter outcomes(MeterRegistry meters, String outcome) {
        return Counter.builder("embedding.vector.cache")
                .description("Texts looked up in the recent-vector cache before encoding")
                .tag("model", model.name()).tag("outcome", outcome).register(meters);
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return lookUp(texts, model::embed);
    }

    @Override
    public float[] embedQuery(String text) {
        // One text: at most one miss, encoded as a query by the model (MiniLM's search pool).
        return lookUp(List.of(text), misses -> List.of(model.embedQuery(misses.getFirst()))).getFirst();
    }

    /** Closes the model when it holds resources (MiniLM's session and workers). */
    @Override
    public void close() throws Exception {
        if (model instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private List<float[]> lookUp(List<String> texts, Function<List<String>, List<float[]>> encoder) {
        List<CompletableFuture<float[]>> answers = new ArrayList<>(texts.size());
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (String text : texts) {
            String key = ContentHash.of(text);
            Claim mine = claims.get(key);
            CompletableFuture<float[]> pending = new CompletableFuture<>();
            @Nullable CompletableFuture<float[]> known =
                    mine != null ? mine.vector() : vectors.putIfAbsent(key, pending);
            if (known == null) {
                claims.put(key, new Claim(text, pending));
                answers.add(pending);
                misses.increment();
            } else {
                answers.add(known);
                hits.increment();
            }
        }
        if (!claims.isEmpty()) {
            encode(claims, encoder);
        }
        return answers.stream().map(CachingEmbeddingModel::copyOf).toList();
    }

    /** Encodes the claimed texts in one call and fills their entries; on failure, drops them and fails the waiters. */
    private void encode(Map<String, Claim> claims, Function<List<String>, List<float[]>> encoder) {
        try {
            List<float[]> encoded = encoder.apply(claims.values().stream().map(Claim::text).toList());
            if (encoded.size() != claims.size()) {
                throw new IllegalStateException("asked for " + claims.size() + " vectors, got " + encoded.size());
            }
            int i = 0;
            for (Claim claim : claims.values()) {
                claim.vector().complete(encoded.get(i++));
            }
        } catch (RuntimeException | Error failure) {
            // Never keep a failed encode; whoever waits for one of these texts gets the same failure.
            claims.forEach((key, claim) -> {
                claim.vector().completeExceptionally(failure);
                vectors.remove(key, claim.vector());
            });
            throw failure;
        }
    }

    private static float[] copyOf(CompletableFuture<float[]> vector) {
        try {
            return vector.join().clone();
        } catch (CompletionException e) {
            // Another call's encode of this text failed: its caller and this one see the same failure.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** A text this call encodes, and the entry other callers wait on meanwhile. */
    private record Claim(String text, CompletableFuture<float[]> vector) {
    }
}
