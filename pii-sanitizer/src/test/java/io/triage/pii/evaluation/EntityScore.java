package io.triage.pii.evaluation;

/**
 * Token-level counts for one entity label, as presidio-research's evaluator counts them.
 *
 * @param label          the entity label
 * @param truePositives  tokens labelled and predicted with this label
 * @param falsePositives tokens predicted with this label but labelled otherwise
 * @param falseNegatives tokens labelled with this label but predicted otherwise
 */
record EntityScore(String label, long truePositives, long falsePositives, long falseNegatives) {

    double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
    }

    double recall() {
        long gold = truePositives + falseNegatives;
        return gold == 0 ? Double.NaN : (double) truePositives / gold;
    }

    /** F-beta with beta 2: recall weighs four times as much as precision, as missed PII leaks data. */
    double f2() {
        double p = precision();
        double r = recall();
        return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? 0 : 5 * p * r / (4 * p + r);
    }

    EntityScore plus(long tp, long fp, long fn) {
        return new EntityScore(label, truePositives + tp, falsePositives + fp, falseNegatives + fn);
    }
}
