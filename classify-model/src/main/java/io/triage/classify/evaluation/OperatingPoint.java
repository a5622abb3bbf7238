package io.triage.classify.evaluation;

/**
 * What per-class thresholds chosen on the validation split for a target precision achieve on the test split.
 *
 * @param targetPrecision the precision the thresholds were chosen for
 * @param coverage        share of test predictions answered (the rest end as needs_review)
 * @param precision       precision of the answered ones
 */
public record OperatingPoint(double targetPrecision, double coverage, double precision) {
}
