package io.triage.classify.training;

import io.triage.classify.evaluation.TrainingReport;
import io.triage.classify.model.ModelBundle;

/**
 * A trained model with its evaluation and the split it was evaluated on.
 *
 * @param bundle the model
 * @param report its evaluation report
 * @param split  the split, so a baseline model can be measured on the same test examples
 */
public record TrainingResult(ModelBundle bundle, TrainingReport report, DataSplit split) {
}
