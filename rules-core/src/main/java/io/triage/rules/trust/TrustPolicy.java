package io.triage.rules.trust;

/**
 * When a rule's measured accuracy replaces its declared confidence.
 *
 * @param minOutcomes   confirmed outcomes a rule needs before its measured accuracy counts; below it the rule keeps
 *                      its declared confidence
 * @param minConfidence a rule whose effective confidence (the lower bound) is below this no longer short-circuits
 * @param z             the standard normal quantile of the bound: 1.645 is a one-sided 95 % lower bound
 */
public record TrustPolicy(int minOutcomes, double minConfidence, double z) {

    /** 60 outcomes, 0.95, one-sided 95 % bound: a rule right 60 times out of 60 has a bound of 0.957. */
    public static final TrustPolicy DEFAULTS = new TrustPolicy(60, 0.95, 1.645);

    public TrustPolicy {
        if (minOutcomes < 1) {
            throw new IllegalArgumentException("minOutcomes must be at least 1, got " + minOutcomes);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be within [0, 1], got " + minConfidence);
        }
        if (!(z > 0)) {
            throw new IllegalArgumentException("z must be positive, got " + z);
        }
    }
}
