package io.triage.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the trainer refuses or rewrites before any training: fast, no model is trained. */
class ModelTrainerTests {

    @Test
    void unknownSentenceEncoderIsRefused() {
        TrainingParams d = TrainingParams.defaults();
        assertThatThrownBy(() -> new TrainingParams(d.c(), d.maxIter(), d.features(), d.targetPrecision(), d.seed(),
                d.minClassExamples(), "word2vec-google-news", d.maxNeighbours(), d.noveltyShare()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("word2vec-google-news");
    }

    @Test
    void singleClassHeadIsRefused() {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(new LabelledText("text number " + i, Map.of("urgency", "Low")));
        }
        assertThatThrownBy(() -> ModelTrainer.train(new TrainingSet(examples, List.of("urgency")),
                TrainingParams.defaults()))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("head 'urgency' has a single class [Low]");
    }

    @Test
    void rareClassesAreMergedIntoOtherWithAWarning() {
        List<LabelledText> examples = new ArrayList<>(GeneratedTickets.trainingSet(3, 300).examples());
        for (int i = 0; i < 6; i++) {
            examples.add(new LabelledText("fax machine broken " + i, Map.of("department", "Facilities")));
            examples.add(new LabelledText("parking permit " + i, Map.of("department", "Parking")));
        }
        RareClasses.Outcome outcome = RareClasses.handle(new TrainingSet(examples, List.of("department")), 10);
        assertThat(outcome.warnings()).singleElement().asString()
                .contains("merged into 'other'").contains("Facilities").contains("Parking");
        assertThat(outcome.trainingSet().examples()).filteredOn(e -> "other".equals(e.labels().get("department")))
                .hasSize(12);
    }

    @Test
    void validationRefusesASingleClassHeadBeforeAnyWork() {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(new LabelledText("text number " + i, Map.of("urgency", "Low", "department", "D" + i % 2)));
        }
        assertThatThrownBy(() -> ModelTrainer.validate(new TrainingSet(examples, List.of("department", "urgency")),
                TrainingParams.defaults())).isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("head 'urgency'");
    }

    @Test
    void validationAcceptsTrainableData() {
        assertThatCode(() -> ModelTrainer.validate(GeneratedTickets.trainingSet(3, 300), TrainingParams.defaults()))
                .doesNotThrowAnyException();
    }
}
