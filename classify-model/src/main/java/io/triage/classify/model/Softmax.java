package io.triage.classify.model;

/** Softmax of decision values divided by a temperature; numerically stable (subtracts the maximum). */
public final class Softmax {

    private Softmax() {
    }

    public static double[] withTemperature(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            p[k] = Math.exp((scores[k] - max) / temperature);
            sum += p[k];
        }
        for (int k = 0; k < scores.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
