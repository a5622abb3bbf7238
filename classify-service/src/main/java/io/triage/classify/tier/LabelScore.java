package io.triage.classify.tier;

/**
 * One label with the confidence of the tier that gave it.
 *
 * @param label      the class, e.g. {@code Billing}
 * @param confidence in [0, 1]
 */
public record LabelScore(String label, double confidence) {
}
