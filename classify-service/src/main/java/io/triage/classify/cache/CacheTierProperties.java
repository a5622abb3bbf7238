package io.triage.classify.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The semantic-cache tier: reuse the labels of a near-duplicate historical ticket ({@code
 * triage.classify.tiers.cache.*}).
 *
 * @param enabled       whether embedding-service is asked at all
 * @param minSimilarity the top-1 neighbour's cosine similarity must reach this
 * @param minAccuracy   the estimated accuracy of reusing that neighbour's label must reach this
 * @param priorHits     pseudo-count of correct reuses every neighbour starts with (Beta prior); with
 *                      {@code priorMisses} it sets the accuracy assumed before any feedback
 * @param priorMisses   pseudo-count of wrong reuses every neighbour starts with
 * @param neighbours    how many similar tickets are fetched (the top one for the cache, all as LLM examples)
 * @param timeout       how long the chain waits for embedding-service before skipping the tier
 */
@ConfigurationProperties("triage.classify.tiers.cache")
public record CacheTierProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("0.92") double minSimilarity,
        @DefaultValue("0.85") double minAccuracy,
        @DefaultValue("4.5") double priorHits,
        @DefaultValue("0.5") double priorMisses,
        @DefaultValue("5") int neighbours,
        @DefaultValue("250ms") Duration timeout) {
}
