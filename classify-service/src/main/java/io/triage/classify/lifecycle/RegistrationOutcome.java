package io.triage.classify.lifecycle;

import io.triage.classify.evaluation.TrainingReport;
import org.jspecify.annotations.Nullable;

/**
 * What a training run led to.
 *
 * @param version    the registered version
 * @param stage      STAGING when it beat production by the margin (or there was none), NONE otherwise; PRODUCTION
 *                   for a retirement's replacement once promoted
 * @param macroF1    the candidate's mean macro-F1 on its test split
 * @param baselineF1 production's mean macro-F1 on the same split, when there is a production model
 * @param decision   the promotion rule's reasoning in words
 * @param report     the full evaluation report
 */
public record RegistrationOutcome(long version, Stage stage, double macroF1, @Nullable Double baselineF1,
        String decision, TrainingReport report) {
}
