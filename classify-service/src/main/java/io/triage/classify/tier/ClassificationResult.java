package io.triage.classify.tier;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /classify}. For {@link RoutingMethod#NEEDS_REVIEW} the three labels are absent and
 * {@code candidates} holds what the tiers considered, so an agent decides and no guess passes as confident.
 *
 * @param decisionId     id of the logged decision (send it back with feedback)
 * @param ticketId       the ticket's id, when given
 * @param routingMethod  the tier that decided
 * @param department     department with confidence
 * @param urgency        urgency with confidence
 * @param sentiment      sentiment with confidence
 * @param alternatives   the best department candidates, best first (at most three)
 * @param candidates     per head ({@code department}, {@code urgency}, {@code sentiment}) the best candidates,
 *                       filled when a human must review
 * @param ruleSetVersion the rule-set version rules-engine evaluated, when it was asked
 * @param modelVersion   the model version that answered, when the model was asked
 * @param explanation    why, for an agent
 * @param skippedTiers   tiers that could not be asked, and why
 * @param experiments    the ticket's arm per active experiment
 * @param latencyMillis  time spent classifying, in milliseconds
 */
public record ClassificationResult(UUID decisionId, @Nullable String ticketId, RoutingMethod routingMethod,
        @Nullable LabelScore department, @Nullable LabelScore urgency, @Nullable LabelScore sentiment,
        List<LabelScore> alternatives, Map<String, List<LabelScore>> candidates, @Nullable String ruleSetVersion,
        @Nullable String modelVersion, Explanation explanation, List<SkippedTier> skippedTiers,
        Map<String, String> experiments, double latencyMillis) {
}
