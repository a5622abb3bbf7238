package io.triage.classify.evaluation;

/**
 * Precision of the most confident share of test predictions (threshold-free: sorted by confidence).
 *
 * @param coverage  share of predictions kept
 * @param precision share of the kept ones that were right
 */
public record CoveragePoint(double coverage, double precision) {
}
