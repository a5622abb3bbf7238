package io.triage.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.triage.classify.evaluation.HeadEvaluation;
import io.triage.classify.evaluation.ModelScore;
import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.CorruptArtifactException;
import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.SentenceEncoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trains the candidate models once on 1,200 generated tickets with the sentence encoder (tens of seconds on two
 * cores, hence an IT) and checks the result and the progress it reported on the way.
 */
class ModelTrainerIT {

    static TrainingResult result;
    static final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void trainOnce() {
        result = ModelTrainer.train(GeneratedTickets.trainingSet(11, 1200), TrainingParams.defaults(), null,
                (stage, done, total) -> progress.add(stage + " " + done + "/" + total));
    }

    @Test
    void progressGoesThroughEveryStageInOrderAndCountsToTheEnd() {
        List<String> stages = progress.stream().map(p -> p.substring(0, p.indexOf(' '))).distinct().toList();
        assertThat(stages).containsExactly("vectorising", "encoding", "training");
        int texts = result.report().trainExamples() + result.report().validationExamples()
                + result.report().testExamples();
        assertThat(progress).contains("encoding 0/" + texts, "encoding " + texts + "/" + texts,
                "training 0/6", "training 6/6");
        List<Integer> encoded = progress.stream().filter(p -> p.startsWith("encoding "))
                .map(p -> Integer.parseInt(p.substring(9, p.indexOf('/')))).toList();
        assertThat(encoded).isSorted();
    }

    @Test
    void departmentHeadLearnsGeneratedTickets() {
        HeadEvaluation department = result.report().heads().getFirst();
        assertThat(department.head()).isEqualTo("department");
        assertThat(department.accuracy()).isGreaterThan(0.9);
        assertThat(department.operatingPoints()).hasSize(4);
        assertThat(result.report().heads()).extracting(HeadEvaluation::head)
                .containsExactly("department", "urgency", "sentiment");
    }

    @Test
    void splitIsSeventyFifteenFifteen() {
        assertThat(result.report().trainExamples()).isBetween(830, 850);
        assertThat(result.report().validationExamples()).isBetween(170, 190);
        assertThat(result.report().testExamples()).isBetween(170, 190);
    }

    @Test
    void predictionNamesVersionTopThreeAndNgrams() {
        HeadPrediction prediction = result.bundle()
                .predict("I was charged twice for my invoice, please refund the payment", "v7").get("department");
        assertThat(prediction.label()).isEqualTo("Billing");
        assertThat(prediction.modelVersion()).isEqualTo("v7");
        assertThat(prediction.topCandidates()).hasSize(3);
        assertThat(prediction.topCandidates().getFirst().probability()).isEqualTo(prediction.confidence());
        assertThat(prediction.strongestNgrams()).isNotEmpty();
    }

    @Test
    void artifactRoundTripPredictsTheSame() {
        byte[] bytes = ArtifactCodec.encode(result.bundle());
        ModelBundle loaded = ArtifactCodec.decode(bytes, ArtifactCodec.sha256(bytes));
        assertThat(loaded.kind()).isEqualTo(result.bundle().kind());
        for (String text : List.of("My parcel never arrived and tracking shows nothing",
                "The VPN drops every five minutes since the update", "asdf qwerty zxcv")) {
            Map<String, HeadPrediction> original = result.bundle().predict(text, "v1");
            loaded.predict(text, "v1").forEach((head, prediction) -> {
                assertThat(prediction.label()).isEqualTo(original.get(head).label());
                assertThat(prediction.needsReview()).isEqualTo(original.get(head).needsReview());
                // Neighbour vectors are stored at half precision: probabilities move by far less than 1e-3.
                assertThat(prediction.confidence()).isCloseTo(original.get(head).confidence(), within(1e-3));
            });
        }
    }

    @Test
    void reportComparesTheCandidatesAndKeepsTheBestOnValidation() {
        List<ModelScore> models = result.report().models();
        String combined = "tfidf+" + SentenceEncoders.standard().name() + "-lr+knn";
        assertThat(models).extracting(ModelScore::model).containsExactlyInAnyOrder("tfidf-lr", combined,
                "tfidf+" + SentenceEncoders.standard().name() + "-lr", SentenceEncoders.standard().name() + "-knn");
        List<ModelScore> keptRows = models.stream().filter(ModelScore::kept).toList();
        assertThat(keptRows).hasSize(1);
        ModelScore kept = keptRows.getFirst();
        assertThat(kept.model()).isIn("tfidf-lr", combined).isEqualTo(result.report().model())
                .isEqualTo(result.bundle().kind());
        double best = models.stream().filter(m -> m.model().equals("tfidf-lr") || m.model().equals(combined))
                .mapToDouble(ModelScore::validationMacroF1).max().orElseThrow();
        assertThat(kept.validationMacroF1()).isEqualTo(best);
        assertThat(result.report().macroF1()).isCloseTo(kept.testMacroF1(), within(1e-9));
    }

    @Test
    void withoutSentenceEncoderOnlyTheTfidfModelIsTrained() {
        TrainingResult plain = ModelTrainer.train(GeneratedTickets.trainingSet(5, 400),
                TrainingParams.defaults().tfidfOnly());
        assertThat(plain.bundle().sentences()).isNull();
        assertThat(plain.report().models()).singleElement()
                .satisfies(m -> assertThat(m.model()).isEqualTo("tfidf-lr"))
                .satisfies(m -> assertThat(m.kept()).isTrue());
    }

    @Test
    void tamperedArtifactIsRefused() {
        byte[] bytes = ArtifactCodec.encode(result.bundle());
        String checksum = ArtifactCodec.sha256(bytes);
        bytes[bytes.length / 2] ^= 1;
        assertThatThrownBy(() -> ArtifactCodec.decode(bytes, checksum))
                .isInstanceOf(CorruptArtifactException.class).hasMessageContaining("checksum");
    }
}
