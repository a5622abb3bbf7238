package io.triage.classify.experiment;

/**
 * An estimate with its 95 % confidence interval.
 *
 * @param estimate the point estimate
 * @param low      lower bound
 * @param high     upper bound
 */
public record Interval(double estimate, double low, double high) {

    private static final double Z = 1.959964;

    /** Wilson score interval of a proportion; {@code NaN}s when there are no trials. */
    static Interval wilson(long successes, long trials) {
        if (trials == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double p = successes / (double) trials;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Normal-approximation interval of a mean. */
    static Interval mean(double mean, double standardDeviation, long n) {
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double half = n < 2 ? Double.NaN : Z * standardDeviation / Math.sqrt(n);
        return new Interval(mean, mean - half, mean + half);
    }

    /** Normal-approximation interval of the difference of two proportions (a − b). */
    static Interval difference(long successesA, long trialsA, long successesB, long trialsB) {
        if (trialsA == 0 || trialsB == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double a = successesA / (double) trialsA;
        double b = successesB / (double) trialsB;
        double half = Z * Math.sqrt(a * (1 - a) / trialsA + b * (1 - b) / trialsB);
        return new Interval(a - b, a - b - half, a - b + half);
    }
}
