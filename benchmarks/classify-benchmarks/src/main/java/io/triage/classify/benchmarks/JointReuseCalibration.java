package io.triage.classify.benchmarks;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Issue 23's replay idea: calibrate the cache on the joint condition, not on similarity alone. On the model's
 * validation split every example is a candidate reuse of its nearest training example's department, guarded as the
 * cache guards it (the nearest neighbours agree and the model's top candidate is the same department); a pair of
 * thresholds (similarity, the model's top-candidate probability) reuses the guarded candidates at or above both. Of
 * the pairs on the grid whose reuses reach the target precision (at least {@code minReuses} of them, so that a
 * handful of lucky reuses does not count), the one with the most reuses is kept; ties keep the stricter pair.
 *
 * @param similarity the similarity threshold; null when no pair reached the target
 * @param confidence the model's probability threshold; null when no pair reached the target
 * @param reused     validation reuses at the chosen pair
 * @param correct    of those, the right ones
 * @param candidates validation examples judged
 */
record JointReuseCalibration(@Nullable Double similarity, @Nullable Double confidence, int reused, int correct,
        int candidates) {

    /** One validation example as a candidate reuse. */
    record Candidate(double similarity, double confidence, boolean guarded, boolean correct) {
    }

    static JointReuseCalibration of(List<Candidate> candidates, double targetPrecision, int minReuses) {
        Double bestSimilarity = null;
        Double bestConfidence = null;
        int bestReused = 0;
        int bestCorrect = 0;
        for (int s = 80; s <= 99; s++) {
            for (int c = 50; c <= 99; c++) {
                double similarity = s / 100.0;
                double confidence = c / 100.0;
                int reused = 0;
                int correct = 0;
                for (Candidate candidate : candidates) {
                    if (candidate.guarded() && candidate.similarity() >= similarity
                            && candidate.confidence() >= confidence) {
                        reused++;
                        correct += candidate.correct() ? 1 : 0;
                    }
                }
                // The loops go from lenient to strict, so on a tie the later, stricter pair wins.
                if (reused >= minReuses && correct >= targetPrecision * reused && reused >= bestReused) {
                    bestSimilarity = similarity;
                    bestConfidence = confidence;
                    bestReused = reused;
                    bestCorrect = correct;
                }
            }
        }
        return new JointReuseCalibration(bestSimilarity, bestConfidence, bestReused, bestCorrect, candidates.size());
    }

    /** One sentence for the report. */
    String describe() {
        if (similarity == null || confidence == null) {
            return "no pair of thresholds reached the target on " + candidates + " validation examples";
        }
        return String.format(Locale.ROOT, "similarity ≥ %.2f and model probability ≥ %.2f reused %d of %d validation "
                + "examples, %d right", similarity, confidence, reused, candidates, correct);
    }
}
