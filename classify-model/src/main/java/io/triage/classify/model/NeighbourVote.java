package io.triage.classify.model;

import java.util.Arrays;

/**
 * How one head turns the nearest training examples into class probabilities, and how much that vote counts.
 *
 * @param labels     class index of each stored neighbour for this head, -1 where the example had no label
 * @param k          neighbours that vote
 * @param sharpness  a neighbour's vote is exp(sharpness × cosine similarity), so closer ones count more
 * @param weight     share of the linear model in the blend; 1 − weight goes to the neighbour vote
 */
public record NeighbourVote(int[] labels, int k, double sharpness, double weight) {

    public NeighbourVote {
        if (k < 1 || sharpness <= 0 || weight < 0 || weight > 1) {
            throw new IllegalArgumentException("invalid neighbour vote: k=" + k + ", sharpness=" + sharpness
                    + ", weight=" + weight);
        }
    }

    public NeighbourVote withWeight(double newWeight) {
        return new NeighbourVote(labels, k, sharpness, newWeight);
    }

    /**
     * The vote over {@code classes} classes from the similarities of the input to every stored neighbour.
     * Neighbours without a label for this head are skipped.
     */
    public double[] vote(float[] similarities, int classes) {
        int[] nearest = new int[k];
        float[] nearestSimilarity = new float[k];
        int found = 0;
        for (int i = 0; i < similarities.length; i++) {
            if (labels[i] < 0 || found == k && similarities[i] <= nearestSimilarity[k - 1]) {
                continue;
            }
            // Insertion into the short list of the k most similar, most similar first.
            int at = Math.min(found, k - 1);
            while (at > 0 && nearestSimilarity[at - 1] < similarities[i]) {
                nearest[at] = nearest[at - 1];
                nearestSimilarity[at] = nearestSimilarity[at - 1];
                at--;
            }
            nearest[at] = i;
            nearestSimilarity[at] = similarities[i];
            found = Math.min(k, found + 1);
        }
        double[] p = new double[classes];
        if (found == 0) {
            Arrays.fill(p, 1.0 / classes);
            return p;
        }
        double sum = 0;
        for (int j = 0; j < found; j++) {
            double v = Math.exp(sharpness * (nearestSimilarity[j] - nearestSimilarity[0]));
            p[labels[nearest[j]]] += v;
            sum += v;
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** weight × linear + (1 − weight) × vote. */
    double[] blend(double[] linear, float[] similarities) {
        if (weight >= 1) {
            return linear;
        }
        double[] vote = vote(similarities, linear.length);
        double[] p = new double[linear.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = weight * linear[c] + (1 - weight) * vote[c];
        }
        return p;
    }
}
