package io.triage.classify.evaluation;

/**
 * How one candidate model of a run did, averaged over its heads: the run keeps the one with the best validation
 * macro-F1. Diagnostic rows (a part of the combined model alone) are never kept.
 *
 * @param model              the candidate's name
 * @param validationAccuracy accuracy on the validation split
 * @param validationMacroF1  macro-F1 on the validation split (the selection criterion)
 * @param testAccuracy       accuracy on the test split
 * @param testMacroF1        macro-F1 on the test split
 * @param kept               whether this is the model the run registered
 */
public record ModelScore(String model, double validationAccuracy, double validationMacroF1, double testAccuracy,
        double testMacroF1, boolean kept) {
}
