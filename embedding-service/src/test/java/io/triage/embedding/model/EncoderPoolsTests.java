package io.triage.embedding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** A search is encoded by its own workers while a bulk batch keeps the bulk workers busy. */
class EncoderPoolsTests {

    final MeterRegistry meters = new SimpleMeterRegistry();

    double queued(String pool) {
        return meters.get("embedding.minilm.queue").tag("pool", pool).gauge().value();
    }

    @Test
    void aSearchIsAnsweredWhileABulkBatchIsStillQueued() {
        try (MiniLmEmbeddingModel model = new MiniLmEmbeddingModel(new MiniLmProperties(1, 1, 128), meters)) {
            List<String> batch = IntStream.range(0, 400)
                    .mapToObj(i -> "Bulk ticket " + i + ": the invoice for order " + i + " was charged twice").toList();
            CompletableFuture<List<float[]>> bulk = CompletableFuture.supplyAsync(() -> model.embed(batch));
            await().atMost(Duration.ofSeconds(30)).until(() -> queued("bulk") > 100);

            float[] query = model.embedQuery("card declined when paying");

            assertThat(query).hasSize(384);
            assertThat(bulk).as("the search did not wait for the bulk batch").isNotDone();
            assertThat(queued("bulk")).as("bulk texts still waiting").isPositive();
            assertThat(meters.get("embedding.minilm.batch").tag("pool", "search").summary().count()).isEqualTo(1);
            assertThat(bulk.join()).hasSize(400);
            assertThat(meters.get("embedding.minilm.batch").tag("pool", "bulk").summary().max()).isEqualTo(400);
        }
    }

    @Test
    void aBatchKeepsTheOrderOfItsTextsAcrossWorkers() {
        try (MiniLmEmbeddingModel model = new MiniLmEmbeddingModel(new MiniLmProperties(3, 1, 128), meters)) {
            List<String> texts = List.of("Parcel never arrived", "Router keeps rebooting", "Refund a double charge",
                    "Close my account", "Engineer missed the visit");

            List<float[]> together = model.embed(texts);

            for (int i = 0; i < texts.size(); i++) {
                assertThat(Vectors.dot(together.get(i), model.embedQuery(texts.get(i)))).as(texts.get(i))
                        .isGreaterThanOrEqualTo(0.99999f);
            }
            assertThat(meters.get("embedding.minilm.encode").tag("pool", "bulk").timer().count()).isEqualTo(5);
        }
    }
}
