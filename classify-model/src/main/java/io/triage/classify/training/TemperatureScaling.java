package io.triage.classify.training;

import io.triage.classify.model.Softmax;

/**
 * Fits the one temperature T that minimises the negative log-likelihood of softmax(scores / T) on the validation
 * split (Guo et al., 2017): it changes confidences, never the ranking, so accuracy is untouched.
 */
final class TemperatureScaling {

    private static final double LOWEST = 0.01;
    private static final double HIGHEST = 100;

    private TemperatureScaling() {
    }

    static double fit(double[][] scores, int[] gold) {
        if (scores.length == 0) {
            return 1.0;
        }
        // Golden-section search on log T: the NLL is unimodal in T for a fixed set of scores.
        double a = Math.log(LOWEST);
        double b = Math.log(HIGHEST);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        for (int i = 0; i < 60; i++) {
            if (nll(scores, gold, Math.exp(c)) < nll(scores, gold, Math.exp(d))) {
                b = d;
            } else {
                a = c;
            }
            c = b - ratio * (b - a);
            d = a + ratio * (b - a);
        }
        return Math.exp((a + b) / 2);
    }

    static double nll(double[][] scores, int[] gold, double temperature) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = Softmax.withTemperature(scores[i], temperature)[gold[i]];
            total -= Math.log(Math.max(p, 1e-12));
        }
        return total / scores.length;
    }
}
