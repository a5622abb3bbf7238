package io.triage.rules.trust;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A rule's record of confirmed outcomes and what it earns: below {@link TrustPolicy#minOutcomes()} its declared
 * confidence stands; from there its effective confidence is the Wilson score lower bound of its measured accuracy,
 * and it short-circuits only while that bound stays at or above {@link TrustPolicy#minConfidence()}.
 *
 * @param outcomes            confirmed outcomes (feedback on tickets the rule matched)
 * @param correct             of those, the ones where the rule's department was right
 * @param measuredAccuracy    correct / outcomes; null without outcomes
 * @param lowerBound          the Wilson lower bound of the accuracy; null without outcomes
 * @param effectiveConfidence the declared confidence below the minimum count, the lower bound from it
 * @param measured            whether the rule has enough outcomes for its measured accuracy to count
 * @param shortCircuits       false when the measured bound fell below the policy's minimum
 */
public record RuleTrust(long outcomes, long correct, @Nullable Double measuredAccuracy, @Nullable Double lowerBound,
        double effectiveConfidence, boolean measured, boolean shortCircuits) {

    /** Judges a rule declared with {@code declaredConfidence} that was right {@code correct} of {@code outcomes}. */
    public static RuleTrust of(long outcomes, long correct, double declaredConfidence, TrustPolicy policy) {
        if (outcomes < 0 || correct < 0 || correct > outcomes) {
            throw new IllegalArgumentException("need 0 <= correct <= outcomes, got " + correct + " of " + outcomes);
        }
        if (outcomes == 0) {
            return new RuleTrust(0, 0, null, null, declaredConfidence, false, true);
        }
        double bound = wilsonLowerBound(correct, outcomes, policy.z());
        boolean measured = outcomes >= policy.minOutcomes();
        return new RuleTrust(outcomes, correct, (double) correct / outcomes, bound,
                measured ? bound : declaredConfidence, measured, !measured || bound >= policy.minConfidence());
    }

    /**
     * The lower end of the Wilson score interval for {@code successes} in {@code trials} at quantile {@code z}:
     * (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike p − z·√(p(1−p)/n) it stays informative when every
     * outcome was a success (p = 1 gives n / (n + z²), not 1).
     */
    public static double wilsonLowerBound(long successes, long trials, double z) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials must be positive, got " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    /**
     * One phrase for a decision's explanation, e.g. {@code right 41 of 60 confirmed times (lower bound 0.581 < 0.95)}.
     */
    public String describe(TrustPolicy policy) {
        if (outcomes == 0 || lowerBound == null) {
            return "no confirmed outcomes yet";
        }
        String bound = String.format(Locale.ROOT, "%.3f", lowerBound);
        String comparison = !measured ? ", " + outcomes + " of the " + policy.minOutcomes() + " needed to count"
                : (shortCircuits ? " >= " : " < ") + policy.minConfidence();
        return "right " + correct + " of " + outcomes + " confirmed times (lower bound " + bound + comparison + ")";
    }
}
