package io.triage.classify.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One classification head: a linear model over TF-IDF features (one weight per feature and class, feature-major),
 * softmax with a fitted temperature for calibrated probabilities, and a confidence threshold per class below which
 * the head abstains. Immutable and thread-safe.
 */
public final class LinearHead {

    private static final int TOP_CANDIDATES = 3;
    private static final int EXPLAINING_NGRAMS = 5;

    private final List<String> labels;
    private final float[] weights;
    private final float[] bias;
    private final double temperature;
    private final double[] thresholds;

    public LinearHead(List<String> labels, float[] weights, float[] bias, double temperature, double[] thresholds) {
        if (bias.length != labels.size() || thresholds.length != labels.size()
                || weights.length % labels.size() != 0) {
            throw new IllegalArgumentException("weights, bias and thresholds do not match " + labels.size()
                    + " classes");
        }
        this.labels = List.copyOf(labels);
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.thresholds = thresholds.clone();
    }

    /** Raw decision values (one per class) before calibration. */
    public double[] scores(SparseVector x) {
        int classes = labels.size();
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k];
        }
        int[] indices = x.indices();
        float[] values = x.values();
        for (int j = 0; j < indices.length; j++) {
            int row = indices[j] * classes;
            float value = values[j];
            for (int k = 0; k < classes; k++) {
                scores[k] += value * weights[row + k];
            }
        }
        return scores;
    }

    /** Calibrated class probabilities. */
    public double[] probabilities(SparseVector x) {
        return Softmax.withTemperature(scores(x), temperature);
    }

    /**
     * The head's answer from its final class probabilities (this head's own, or blended with a neighbour vote).
     *
     * @param x     the features the probabilities came from, to name the n-grams behind the answer
     * @param novel the text is unlike every training example: review whatever the confidence
     */
    public HeadPrediction predict(double[] probabilities, SparseVector x, TfidfVectorizer vectorizer,
            String modelVersion, boolean novel) {
        Integer[] order = rank(probabilities);
        int best = order[0];
        List<Candidate> top = new ArrayList<>(TOP_CANDIDATES);
        for (int i = 0; i < Math.min(TOP_CANDIDATES, order.length); i++) {
            top.add(new Candidate(labels.get(order[i]), probabilities[order[i]]));
        }
        return new HeadPrediction(labels.get(best), probabilities[best], top,
                strongestNgrams(x, best, vectorizer), modelVersion, novel || probabilities[best] < thresholds[best]);
    }

    /**
     * The n-grams with the largest positive contribution (value × weight) to class {@code k}; sentence-vector
     * features (indices past the vocabulary) have no name and are left out.
     */
    private List<String> strongestNgrams(SparseVector x, int k, TfidfVectorizer vectorizer) {
        int[] strongest = strongest(x, weights, labels.size(), k, vectorizer.size(), EXPLAINING_NGRAMS);
        List<String> names = new ArrayList<>(strongest.length);
        for (int feature : strongest) {
            names.add(vectorizer.featureName(feature));
        }
        return names;
    }

    /**
     * The features (at most {@code n}, below {@code vocabulary}) with the largest positive value × weight for class
     * {@code k}, strongest first, ties in feature order. A bounded selection, not a sort of every feature of the text:
     * this runs for every head of every ticket, and sorting boxed indices was 9 % of classify-service's CPU under load.
     */
    static int[] strongest(SparseVector x, float[] weights, int classes, int k, int vocabulary, int n) {
        int[] indices = x.indices();
        float[] values = x.values();
        int[] best = new int[n];
        double[] bestContribution = new double[n];
        int found = 0;
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] >= vocabulary) {
                continue;
            }
            double contribution = values[j] * weights[indices[j] * classes + k];
            if (contribution <= 0 || found == n && contribution <= bestContribution[found - 1]) {
                continue;
            }
            int at = found < n ? found++ : found - 1;
            while (at > 0 && bestContribution[at - 1] < contribution) {
                best[at] = best[at - 1];
                bestContribution[at] = bestContribution[at - 1];
                at--;
            }
            best[at] = indices[j];
            bestContribution[at] = contribution;
        }
        return Arrays.copyOf(best, found);
    }

    private static Integer[] rank(double[] probabilities) {
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -probabilities[i]));
        return order;
    }

    public List<String> labels() {
        return labels;
    }

    public double temperature() {
        return temperature;
    }

    public double threshold(int classIndex) {
        return thresholds[classIndex];
    }

    /** A copy of this head with other thresholds (e.g. for another target precision). */
    public LinearHead withThresholds(double[] newThresholds) {
        return new LinearHead(labels, weights, bias, temperature, newThresholds);
    }

    float[] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }

    double[] thresholds() {
        return thresholds.clone();
    }
}
