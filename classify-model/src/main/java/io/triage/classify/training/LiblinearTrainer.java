package io.triage.classify.training;

import java.util.List;
import java.util.stream.IntStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.triage.classify.model.SparseVector;

/**
 * One-vs-rest L2-regularised logistic regression with liblinear's dual coordinate-descent solver (the fast one when
 * features outnumber examples) and a bias feature. The one-vs-rest problems share one read-only feature matrix and
 * run in parallel, which liblinear itself does not do. Returns weights in the feature-major layout
 * {@link io.triage.classify.model.LinearHead} reads.
 */
final class LiblinearTrainer {

    /** Stopping tolerance of the dual solver (liblinear's default for this solver). */
    private static final double EPSILON = 0.1;

    static {
        Linear.disableDebugOutput();
    }

    /** Learned weights: {@code weights[feature * classes + k]} and {@code bias[k]}. */
    record Weights(float[] weights, float[] bias) {
    }

    private LiblinearTrainer() {
    }

    /**
     * The rows in liblinear's form, built once per training run and shared, read-only, by every head's problems
     * (each head picks its labelled rows by reference).
     */
    static Feature[][] matrix(List<SparseVector> rows, int features) {
        Feature[][] x = new Feature[rows.size()][];
        IntStream.range(0, x.length).parallel().forEach(i -> x[i] = nodes(rows.get(i), features));
        return x;
    }

    /** Trains one head on rows of {@link #matrix} ({@code classOf[i]} is the class of {@code x[i]}). */
    static Weights train(Feature[][] x, int[] classOf, int classes, int features, double c, int maxIter) {
        float[] weights = new float[features * classes];
        float[] bias = new float[classes];
        // Two classes need one binary problem (class 0 against class 1); more need one per class.
        int problems = classes == 2 ? 1 : classes;
        IntStream.range(0, problems).parallel().forEach(k -> {
            Model model = Linear.train(binaryProblem(x, classOf, k, features), parameter(c, maxIter));
            int positive = slotOfPositive(model);
            for (int f = 0; f < features; f++) {
                weights[f * classes + k] = (float) coefficient(model, f + 1, positive);
            }
            bias[k] = (float) bias(model, positive);
        });
        if (classes == 2) {
            for (int f = 0; f < features; f++) {
                weights[f * 2 + 1] = -weights[f * 2];
            }
            bias[1] = -bias[0];
        }
        return new Weights(weights, bias);
    }

    private static Problem binaryProblem(Feature[][] x, int[] classOf, int k, int features) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = features + 1;
        problem.bias = 1;
        problem.x = x;
        problem.y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            problem.y[i] = classOf[i] == k ? 1 : -1;
        }
        return problem;
    }

    private static Parameter parameter(double c, int maxIter) {
        Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, c, EPSILON);
        parameter.setMaxIters(maxIter);
        return parameter;
    }

    /** A class absent from the problem leaves a one-label model; then it never scores positive. */
    private static int slotOfPositive(Model model) {
        int[] labels = model.getLabels();
        for (int slot = 0; slot < labels.length; slot++) {
            if (labels[slot] == 1) {
                return slot;
            }
        }
        return -1;
    }

    private static double coefficient(Model model, int feature, int slot) {
        return slot < 0 || model.getNrClass() < 2 ? 0 : model.getDecfunCoef(feature, slot);
    }

    private static double bias(Model model, int slot) {
        return slot < 0 ? -1 : model.getNrClass() < 2 ? 1 : model.getDecfunBias(slot);
    }

    /** liblinear features are 1-based; the bias is one more feature with value 1. */
    private static Feature[] nodes(SparseVector x, int features) {
        Feature[] nodes = new Feature[x.size() + 1];
        for (int j = 0; j < x.size(); j++) {
            nodes[j] = new FeatureNode(x.indices()[j] + 1, x.values()[j]);
        }
        nodes[x.size()] = new FeatureNode(features + 1, 1.0);
        return nodes;
    }
}
