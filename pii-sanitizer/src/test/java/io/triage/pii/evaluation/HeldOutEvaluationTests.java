package io.triage.pii.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.SanitizerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression guards on the held-out set of issue 21. The thresholds pin the levels measured on the first run
 * (2026-12-03), a little below them, because the detectors were never tuned on this set; where the goal is
 * higher (structured 99.5 %, STREET_ADDRESS 90 %, PERSON recall 0.92 without gazetteers) the README states the gap.
 */
class HeldOutEvaluationTests {

    private static final Path DATA = Path.of(System.getProperty("triage.data.dir", "../shared/data"));
    private static final List<LabelledText> HELD_OUT = HeldOutTexts.generate(EvaluationMain.HELD_OUT_SEED,
            EvaluationMain.HELD_OUT_TEXTS);
    /** One run with default settings shared by the tests below: each of them reads another figure of it. */
    private static Evaluation defaults;

    @BeforeAll
    static void evaluateWithDefaultSettings() {
        defaults = Evaluation.of(SanitizerSettings.defaults().build(), HELD_OUT);
    }

    @Test
    void patternKindsOnUnseenTextStayAbove99Percent() {
        Evaluation evaluation = defaults;

        assertThat(evaluation.detectionRate(Evaluation.STRUCTURED)).isGreaterThanOrEqualTo(0.99);
        assertThat(evaluation.detectionRate(SideBySideReport.ALL_PATTERN_KINDS)).isGreaterThanOrEqualTo(0.993);
    }

    @Test
    void newStructuredKindsOnUnseenTextAreRemovedWhole() {
        Evaluation evaluation = defaults;

        for (String kind : Set.of("EMAIL", "IP_ADDRESS", "URL", "US_SSN", "UK_NINO", "CREDIT_CARD", "IBAN")) {
            assertThat(evaluation.detectionRate(kind)).as(kind).isGreaterThanOrEqualTo(0.995);
        }
    }

    @Test
    void streetAddressesOnUnseenTextAreMostlyRemoved() {
        Evaluation evaluation = defaults;

        assertThat(evaluation.detectionRate("STREET_ADDRESS")).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void personRecallOnUnseenTextWithBuiltInLists() {
        Evaluation evaluation = defaults;

        assertThat(evaluation.recall("PERSON")).isGreaterThanOrEqualTo(0.91);
    }

    @Test
    void personRecallOnUnseenTextWithGazetteersMeetsTheGoal() {
        Path gazetteers = DATA.resolve("gazetteers");
        Assumptions.assumeTrue(Files.isDirectory(gazetteers), gazetteers + " absent, skipping");
        Evaluation evaluation = Evaluation.of(SanitizerSettings.defaults().withGazetteers(gazetteers).build(),
                HELD_OUT);

        assertThat(evaluation.recall("PERSON")).isGreaterThanOrEqualTo(0.92);
    }
}
