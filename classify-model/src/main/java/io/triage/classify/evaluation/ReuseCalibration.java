package io.triage.classify.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The similarity → reuse-precision curve of one model version's validation split (issue 23): for every validation
 * example, the similarity of its nearest training example and whether reusing that example's label would have been
 * right. The threshold is the lowest similarity from which the reuses at or above it reach the target precision;
 * {@code null} when no similarity does (then the cache reuses nothing under this version: the safe reading of "never
 * measured to be safe", rather than falling back to the fixed floor).
 *
 * @param targetPrecision the precision the threshold had to reach
 * @param threshold       the lowest similarity whose reuses reach it; {@code null} when none does
 * @param pairs           validation examples compared (those with a label of the head)
 * @param curve           the curve at every hundredth of similarity from 0.80 to 1.00 (and at the threshold)
 */
public record ReuseCalibration(double targetPrecision, @Nullable Double threshold, int pairs, List<Point> curve) {

    /** The lowest similarity of the published curve; below it the cache's 0.92 floor makes the figures moot. */
    private static final double CURVE_FROM = 0.80;

    /**
     * Reuse at or above one similarity.
     *
     * @param similarity the threshold
     * @param reused     validation examples whose nearest training example is at least this similar
     * @param correct    of those, how many carry the same label
     * @param precision  {@code correct / reused}; NaN when nothing is reused (stored as null)
     */
    public record Point(double similarity, int reused, int correct, @Nullable Double precision) {
    }

    /** One validation example: its nearest training example's similarity and whether its label was the true one. */
    public record Pair(double similarity, boolean correct) {
    }

    /**
     * The calibration of {@code pairs} for {@code targetPrecision}.
     */
    public static ReuseCalibration of(List<Pair> pairs, double targetPrecision) {
        Pair[] sorted = pairs.toArray(Pair[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(Pair::similarity).reversed());
        Double threshold = null;
        int correct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i].correct()) {
                correct++;
            }
            // A threshold between equal similarities would split ties the cache cannot split: judge a run once.
            boolean lastOfRun = i + 1 == sorted.length || sorted[i + 1].similarity() < sorted[i].similarity();
            if (lastOfRun && correct >= targetPrecision * (i + 1)) {
                threshold = sorted[i].similarity();
            }
        }
        List<Point> curve = new ArrayList<>();
        for (int hundredth = (int) Math.round(CURVE_FROM * 100); hundredth <= 100; hundredth++) {
            curve.add(point(sorted, hundredth / 100.0));
        }
        double at = threshold == null ? Double.NaN : threshold;
        if (threshold != null && curve.stream().noneMatch(p -> p.similarity() == at)) {
            curve.add(point(sorted, at));
            curve.sort(Comparator.comparingDouble(Point::similarity));
        }
        return new ReuseCalibration(targetPrecision, threshold, sorted.length, List.copyOf(curve));
    }

    private static Point point(Pair[] sorted, double similarity) {
        int reused = 0;
        int correct = 0;
        for (Pair pair : sorted) {
            if (pair.similarity() >= similarity) {
                reused++;
                correct += pair.correct() ? 1 : 0;
            }
        }
        return new Point(similarity, reused, correct, reused == 0 ? null : (double) correct / reused);
    }

    /** The threshold, described for a log line. */
    public String describe() {
        return threshold == null
                ? "reuse never reached precision " + targetPrecision + " on " + pairs + " validation examples"
                : "reuse from similarity %.4f reached precision %s on %d validation examples".formatted(
                        Objects.requireNonNull(threshold), targetPrecision, pairs);
    }
}
