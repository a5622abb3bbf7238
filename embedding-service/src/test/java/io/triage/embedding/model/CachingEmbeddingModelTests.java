package io.triage.embedding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingEmbeddingModelTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    double outcomes(String outcome) {
        return meters.get("embedding.vector.cache").tag("outcome", outcome).counter().count();
    }

    double entries() {
        return meters.get("embedding.vector.cache.entries").gauge().value();
    }

    @Test
    void sameTextTwiceIsEncodedOnce() {
        CountingEmbeddingModel model = new CountingEmbeddingModel();
        EmbeddingModel cached = CachingEmbeddingModel.of(model, 10, meters);

        List<float[]> first = cached.embed(List.of("Card declined at the shop"));
        List<float[]> second = cached.embed(List.of("Card declined at the shop"));

        assertThat(model.calls).containsExactly(List.of("Card declined at the shop"));
        assertThat(second).containsExactly(first.getFirst());
        assertThat(outcomes("miss")).isEqualTo(1);
        assertThat(outcomes("hit")).isEqualTo(1);
    }

    @Test
    void aQueryMissIsEncodedAsAQueryAndItsVectorServesALaterBatch() {
        CountingEmbeddingModel model = new CountingEmbeddingModel();
        EmbeddingModel cached = CachingEmbeddingModel.of(model, 10, meters);

        float[] query = cached.embedQuery("Card declined at the shop");
        List<float[]> batch = cached.embed(List.of("Card declined at the shop", "Router down"));

        assertThat(model.queries).containsExactly("Card declined at the shop");
        assertThat(model.calls).containsExactly(List.of("Router down"));
        assertThat(batch.getFirst()).isEqualTo(query);
        assertThat(outcomes("hit")).isEqualTo(1);
    }

    @Test
    void aBatchSendsOnlyItsNewTextsToTheModelInOrder() {
        CountingEmbeddingModel model = new CountingEmbeddingModel();
        EmbeddingModel cached = CachingEmbeddingModel.of(model, 10, meters);
        cached.embed(List.of("alpha", "beta"));

        List<float[]> vectors = cached.embed(List.of("beta", "gamma", "alpha"));

        assertThat(model.calls).containsExactly(List.of("alpha", "beta"), List.of("gamma"));
        assertThat(vectors).containsExactly(CountingEmbeddingModel.vectorOf("beta"),
                CountingEmbeddingModel.vectorOf("gamma"), CountingEmbeddingModel.vectorOf("alpha"));
    }

    @Test
    void aTextTwiceInOneBatchIsEncodedOnce() {
        CountingEmbeddingModel model = new CountingEmbeddingModel();
        EmbeddingModel cached = CachingEmbeddingModel.of(model, 10, meters);

        List<float[]> vectors = cached.embed(List.of("same", "other", "same"));

        assertThat(model.calls).containsExactly(List.of("same", "other"));
        assertThat(vectors).containsExactly(CountingEmbeddingModel.vectorOf("same"),
                CountingEmbeddingModel.vectorOf("other"), CountingEmbeddingModel.vectorOf("same"));
    }

    @Test
    void sizeZeroSendsEveryCallToTheModel() {
        CountingEmbeddingModel model = new CountingEmbeddingModel();
        EmbeddingModel uncached = CachingEmbeddingModel.of(model, 0, meters);

        uncached.embed(List.of("Router keeps rebooting"));
        uncached.embed(List.of("Router keeps rebooting"));

        assertThat(model.calls).hasSize(2);
        assertThat(uncached).isSameAs(model);
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> new VectorCacheProperties(-1)).hasMessageContaining("vector-cache-size");
        assertThatThrownBy(() -> CachingEmbeddingModel.of(new CountingEmbeddingModel(), -1, meters))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textsBeyondTheBoundAreEvictedAndEncodedAgain() {
        CountingEmbeddingModel model = new CountingEmbeddingModel();
        EmbeddingModel cached = CachingEmbeddingModel.of(model, 2, meters);
        for (String text : List.of("one", "two", "three")) {
            cached.embed(List.of(text));
        }
        // Caffeine evicts in its maintenance, just after the write.
        await().atMost(Duration.ofSeconds(10)).until(() -> entries() == 2);

        List<float[]> again = cached.embed(List.of("one", "two", "three"));

        assertThat(model.calls).hasSize(4);
        assertThat(model.calls.getLast()).as("only the evicted text is encoded again").hasSize(1)
                .isSubsetOf("one", "two", "three");
        assertThat(again).containsExactly(CountingEmbeddingModel.vectorOf("one"),
                CountingEmbeddingModel.vectorOf("two"), CountingEmbeddingModel.vectorOf("three"));
    }

    @Test
    void aFailedEncodeIsNotKept() {
        AtomicBoolean down = new AtomicBoolean(true);
        CountingEmbeddingModel model = new CountingEmbeddingModel(texts -> {
            if (down.get()) {
                throw new ModelUnavailableException("endpoint down", null);
            }
        });
        EmbeddingModel cached = CachingEmbeddingModel.of(model, 10, meters);

        assertThatThrownBy(() -> cached.embed(List.of("Parcel never arrived")))
                .isInstanceOf(ModelUnavailableException.class);
        down.set(false);
        List<float[]> vectors = cached.embed(List.of("Parcel never arrived"));

        assertThat(model.calls).hasSize(2);
        assertThat(vectors).containsExactly(CountingEmbeddingModel.vectorOf("Parcel never arrived"));
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void concurrentCallsForOneTextShareOneEncode() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingEmbeddingModel model = new CountingEmbeddingModel(texts -> {
            entered.countDown();
            awaitQuietly(release);
        });
        EmbeddingModel cached = CachingEmbeddingModel.of(model, 10, meters);

        CompletableFuture<List<float[]>> first = CompletableFuture.supplyAsync(
                () -> cached.embed(List.of("Refund for a double charge")), callers);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<float[]>> second = CompletableFuture.supplyAsync(
                () -> cached.embed(List.of("Refund for a double charge")), callers);
        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("hit") == 1);
        release.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(first.get(10, TimeUnit.SECONDS));
        assertThat(model.calls).hasSize(1);
    }

    @Test
    void callersCannotChangeTheCachedVector() {
        EmbeddingModel cached = CachingEmbeddingModel.of(new CountingEmbeddingModel(), 10, meters);
        cached.embed(List.of("Where is my invoice")).getFirst()[0] = 42;

        assertThat(cached.embed(List.of("Where is my invoice")))
                .containsExactly(CountingEmbeddingModel.vectorOf("Where is my invoice"));
    }

    @Test
    void keepsTheModelsNameAndDimension() {
        EmbeddingModel cached = CachingEmbeddingModel.of(new CountingEmbeddingModel(), 10, meters);
        assertThat(cached.name()).isEqualTo("counting-3");
        assertThat(cached.dimension()).isEqualTo(3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
