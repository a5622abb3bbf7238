package io.triage.classify.model;

/**
 * One label a head considered, with its calibrated probability.
 *
 * @param label       the class
 * @param probability calibrated probability in [0, 1]
 */
public record Candidate(String label, double probability) {
}
