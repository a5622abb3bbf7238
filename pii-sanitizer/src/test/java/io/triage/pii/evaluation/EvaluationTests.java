package io.triage.pii.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.SanitizerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The accuracy targets as regression guards. Where a target is not met (PERSON recall 0.90 on presidio,
 * 99.5 % of all generated-ticket PII), the test pins the level reached so that it cannot silently drop; the README
 * states the gap and why.
 */
class EvaluationTests {

    private static final Path DATA = Path.of(System.getProperty("triage.data.dir", "../shared/data"));

    @Test
    void structuredKindsInGeneratedTicketsAreRemovedAtLeast995PerMille() {
        Evaluation evaluation = Evaluation.of(SanitizerSettings.defaults().build(), GeneratedTickets.generate(7, 500));

        assertThat(evaluation.detectionRate(Evaluation.STRUCTURED)).isGreaterThanOrEqualTo(0.995);
        // 0.94 before issue 21; country names are no longer removed (not personal data), and the generator labels
        // them LOCATION, so the supported-kinds rate fell to 0.937.
        assertThat(evaluation.supportedDetectionRate()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void structuredKindsInPresidioSetAreRemovedAtLeast995PerMille() {
        Evaluation evaluation = Evaluation.of(SanitizerSettings.defaults().build(), presidio());

        assertThat(evaluation.detectionRate(Evaluation.STRUCTURED)).isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void personRecallOnPresidioWithGazetteers() {
        Path gazetteers = DATA.resolve("gazetteers");
        Assumptions.assumeTrue(Files.isDirectory(gazetteers), gazetteers + " absent, skipping");
        Evaluation evaluation = Evaluation.of(SanitizerSettings.defaults().withGazetteers(gazetteers).build(),
                presidio());

        EntityScore person = evaluation.detectedEntityScores().stream()
                .filter(score -> score.label().equals("PERSON")).findFirst().orElseThrow();
        assertThat(person.recall()).isGreaterThanOrEqualTo(0.86);
    }

    private static List<LabelledText> presidio() {
        Path file = DATA.resolve("pii/synth_dataset_v2.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " absent, skipping");
        return PresidioDataset.read(file);
    }
}
