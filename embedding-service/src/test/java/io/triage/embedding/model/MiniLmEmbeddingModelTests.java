package io.triage.embedding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MiniLmEmbeddingModelTests {

    static final MiniLmEmbeddingModel MODEL = new MiniLmEmbeddingModel();

    @Test
    void embedsOfflineInto384UnitVectors() {
        List<float[]> vectors = MODEL.embed(List.of("My card payment was declined twice", "Router keeps rebooting"));
        assertThat(vectors).hasSize(2);
        assertThat(vectors.getFirst()).hasSize(384);
        assertThat(Vectors.dot(vectors.get(0), vectors.get(0))).isCloseTo(1f, within(1e-4f));
        assertThat(MODEL.name()).isEqualTo("all-minilm-l6-v2-q-384");
    }

    @Test
    void similarComplaintsAreCloserThanUnrelatedOnes() {
        List<float[]> v = MODEL.embed(List.of("My card payment was declined at the shop",
                "The shop refused my card, payment declined", "How do I reset my broadband router?"));
        assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.2f);
    }

    @Test
    void emptyBatchEmbedsNothing() {
        assertThat(MODEL.embed(List.of())).isEmpty();
    }
}
