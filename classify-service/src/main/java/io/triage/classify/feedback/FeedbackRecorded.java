package io.triage.classify.feedback;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Feedback accepted for a decision; forwarded at least once to rules-engine (when a rule matched) and to
 * embedding-service (labels of the ticket's vector).
 *
 * @param decisionId        the decision
 * @param ticketId          the ticket, when known
 * @param ruleId            the rule that matched, when one did
 * @param ruleSetVersion    the rule-set version that matched it
 * @param department        correct department
 * @param urgency           correct urgency
 * @param sentiment         correct sentiment
 */
public record FeedbackRecorded(UUID decisionId, @Nullable String ticketId, @Nullable String ruleId,
        @Nullable String ruleSetVersion,
        String department, @Nullable String urgency, @Nullable String sentiment) {
}
