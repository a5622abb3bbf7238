package io.triage.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.SentenceEncoder;
import io.triage.classify.model.SentenceEncoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A combined model trained with the MiniLM encoder (whose vectors equal embedding-service's) answers the same from
 * a vector computed elsewhere as from encoding the text itself: the ML tier can reuse the cache tier's encoding.
 */
class PrecomputedSentenceVectorTests {

    static final String MINILM = "all-minilm-l6-v2-q";
    static final List<String> TEXTS = List.of("My card was charged twice for the same invoice",
            "I cannot log in to the app since this morning, please help",
            "what will the weather be in Lisbon on Saturday");

    static ModelBundle model;
    static SentenceEncoder encoder;

    @BeforeAll
    static void trainSmallModelWithMiniLm() {
        TrainingParams defaults = TrainingParams.defaults();
        // Tiny set and few iterations keep it fast; the combined model needs to win on validation to be kept.
        TrainingParams params = new TrainingParams(defaults.c(), 200, defaults.features(), defaults.targetPrecision(),
                defaults.seed(), 5, MINILM, defaults.maxNeighbours(), defaults.noveltyShare());
        model = ModelTrainer.train(GeneratedTickets.trainingSet(5, 240), params).bundle();
        encoder = SentenceEncoders.named(MINILM).orElseThrow();
    }

    @Test
    void miniLmIsKnownAndNamesTheEmbeddingServiceModelItEquals() {
        assertThat(SentenceEncoders.names()).containsExactly("bge-small-en-v1.5-q", MINILM);
        assertThat(encoder.name()).isEqualTo(MINILM);
        assertThat(encoder.dimension()).isEqualTo(384);
        assertThat(encoder.embeddingServiceModel()).contains("all-minilm-l6-v2-q-384");
        assertThat(SentenceEncoders.standard().embeddingServiceModel()).isEmpty();
    }

    @Test
    void theTrainedModelUsesMiniLmAndItsArtifactNamesIt() {
        assertThat(model.kind()).isEqualTo("tfidf+" + MINILM + "-lr+knn");
        assertThat(model.embeddingServiceModel()).contains("all-minilm-l6-v2-q-384");
        byte[] artifact = ArtifactCodec.encode(model);
        ModelBundle decoded = ArtifactCodec.decode(artifact, ArtifactCodec.sha256(artifact));
        assertThat(decoded.kind()).isEqualTo(model.kind());
        assertThat(decoded.embeddingServiceModel()).contains("all-minilm-l6-v2-q-384");
    }

    @Test
    void aGivenVectorGivesTheSameAnswerAsEncodingTheText() {
        for (String text : TEXTS) {
            Map<String, HeadPrediction> encoded = model.predict(text, "7");
            Map<String, HeadPrediction> reused = model.predict(text, "7", encoder.encode(text));
            assertThat(reused).isEqualTo(encoded);
        }
    }

    @Test
    void theGivenVectorIsWhatTheModelReads() {
        // Another text's vector changes the neighbour similarities, so some probability must move.
        String text = TEXTS.get(0);
        Map<String, HeadPrediction> own = model.predict(text, "7");
        Map<String, HeadPrediction> other = model.predict(text, "7", encoder.encode(TEXTS.get(2)));
        assertThat(other).isNotEqualTo(own);
    }

    @Test
    void aVectorOfTheWrongDimensionIsRefused() {
        assertThatThrownBy(() -> model.predict(TEXTS.get(0), "7", new float[768]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("768");
    }
}
