package io.triage.classify.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ML tier's answer.
 *
 * @param modelVersion the version that answered
 * @param canary       true when the answer came from the staging (canary) version
 * @param heads        one prediction per head
 */
public record ModelAnswer(String modelVersion, boolean canary, Map<String, HeadPrediction> heads) {

    public ModelAnswer {
        heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    }

    /** True when any head abstained. */
    public boolean needsReview() {
        return heads.values().stream().anyMatch(HeadPrediction::needsReview);
    }
}
