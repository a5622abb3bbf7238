package io.triage.classify.model;

import java.util.List;

/**
 * What one head (department, urgency or sentiment) of a model answered for one text.
 *
 * @param label           the most probable class
 * @param confidence      its calibrated probability
 * @param topCandidates   the three most probable classes, best first
 * @param strongestNgrams the n-grams of the text that pushed hardest towards {@code label}
 * @param modelVersion    the registry version of the model that answered
 * @param needsReview     true when the confidence is below the class's threshold: a human should decide
 */
public record HeadPrediction(String label, double confidence, List<Candidate> topCandidates,
        List<String> strongestNgrams, String modelVersion, boolean needsReview) {

    public HeadPrediction {
        topCandidates = List.copyOf(topCandidates);
        strongestNgrams = List.copyOf(strongestNgrams);
    }
}
