package io.triage.classify.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The semantic-cache tier: reuse the labels of a near-duplicate historical ticket ({@code
 * triage.classify.tiers.cache.*}), only when it is shown to be safe (issue 23).
 *
 * @param enabled            whether embedding-service is asked at all
 * @param minSimilarity      the floor of the reuse threshold: the nearest labelled neighbour's cosine similarity must
 *                           reach the threshold calibrated for the answering model ({@code cache_calibrations}), and
 *                           never less than this; it is also the threshold itself when there is no calibration for
 *                           the model, or the model's encoder is not the cache's (embedding-service's)
 * @param agreeing           how many of the nearest labelled neighbours must all carry the reused department (the
 *                           top-k agreement); fewer labelled neighbours than this and the cache abstains
 * @param minObservations    confirmed outcomes (feedback) of reusing a neighbour needed before its measured reuse
 *                           accuracy counts; below it the neighbour is reused only under the threshold, the
 *                           agreement and the model's consent, and the decision says so (no prior is assumed)
 * @param minAccuracy        a neighbour with enough confirmed outcomes is reused only while its measured reuse
 *                           accuracy (correct / confirmed) reaches this
 * @param neighbours         how many similar tickets are fetched (the nearest for the cache, all as LLM examples);
 *                           at least {@code agreeing}
 * @param timeout            how long the chain waits for embedding-service before skipping the tier
 * @param calibrationTarget  when a model version is trained, the reuse precision its validation split must show from
 *                           a similarity on for that similarity to become the version's reuse threshold
 *                           ({@code cache_calibrations}); when no similarity reaches it, the cache reuses nothing
 *                           while that version answers
 */
@ConfigurationProperties("triage.classify.tiers.cache")
public record CacheTierProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("0.92") double minSimilarity,
        @DefaultValue("3") int agreeing,
        @DefaultValue("5") int minObservations,
        @DefaultValue("0.85") double minAccuracy,
        @DefaultValue("5") int neighbours,
        @DefaultValue("250ms") Duration timeout,
        @DefaultValue("0.999") double calibrationTarget) {

    public CacheTierProperties {
        if (agreeing < 1) {
            throw new IllegalArgumentException("triage.classify.tiers.cache.agreeing must be at least 1, got "
                    + agreeing);
        }
        if (!(calibrationTarget > 0 && calibrationTarget <= 1)) {
            throw new IllegalArgumentException("triage.classify.tiers.cache.calibration-target must be in (0, 1], got "
                    + calibrationTarget);
        }
        if (neighbours < agreeing) {
            throw new IllegalArgumentException("triage.classify.tiers.cache.neighbours (" + neighbours
                    + ") must be at least agreeing (" + agreeing + ")");
        }
    }
}
