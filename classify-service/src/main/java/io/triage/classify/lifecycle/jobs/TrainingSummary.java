package io.triage.classify.lifecycle.jobs;

import java.util.List;

import io.triage.classify.lifecycle.RegistrationOutcome;
import io.triage.classify.lifecycle.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a training request: where the new version landed and why; the full report is at {@code report}.
 *
 * @param version    registered version
 * @param stage      STAGING or NONE; PRODUCTION for the replacement a retirement promoted
 * @param macroF1    mean macro-F1 on its test split
 * @param baselineF1 production's macro-F1 on the same split, when there is a production model
 * @param decision   the promotion rule's reasoning
 * @param warnings   rare classes merged or dropped
 * @param heads      accuracy and macro-F1 per head
 * @param report     path of the full evaluation report
 */
public record TrainingSummary(long version, Stage stage, double macroF1, @Nullable Double baselineF1,
        String decision, List<String> warnings, List<HeadSummary> heads, String report) {

    /** One head's headline numbers. */
    public record HeadSummary(String head, double accuracy, double macroF1, int testExamples) {
    }

    public static TrainingSummary of(RegistrationOutcome outcome) {
        return new TrainingSummary(outcome.version(), outcome.stage(), outcome.macroF1(), outcome.baselineF1(),
                outcome.decision(), outcome.report().warnings(), outcome.report().heads().stream()
                        .map(h -> new HeadSummary(h.head(), h.accuracy(), h.macroF1(), h.testExamples())).toList(),
                "/models/" + outcome.version() + "/report");
    }
}
