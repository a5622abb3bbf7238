package io.triage.classify.decision;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A logged decision, published in the same transaction as its row and delivered to audit-service at least once.
 * Carries ids and labels only, never ticket text.
 *
 * @param decisionId          the decision (also the audit event id, which makes redelivery idempotent)
 * @param ticketId            the ticket, or {@code decision:<id>} when the caller gave none
 * @param userId              the caller's principal name, when known
 * @param modelVersion        the model version, or {@code none}
 * @param ruleSetVersion      the rule-set version, when rules-engine was asked
 * @param routingMethod       audit-service's name of the deciding tier (RULES, CACHE, ML, LLM, NEEDS_REVIEW)
 * @param department          decided department
 * @param urgency             decided urgency
 * @param sentiment           decided sentiment
 * @param confidence          the department confidence (0 for NEEDS_REVIEW)
 * @param decidedAt           when
 * @param channel             the ticket's channel
 * @param tierLatenciesMicros time per tier
 * @param traceId             the request's trace id
 */
public record DecisionRecorded(UUID decisionId, String ticketId, @Nullable String userId, String modelVersion,
        @Nullable String ruleSetVersion, String routingMethod, @Nullable String department,
        @Nullable String urgency, @Nullable String sentiment, double confidence, Instant decidedAt,
        @Nullable String channel, Map<String, Long> tierLatenciesMicros, @Nullable String traceId) {
}
