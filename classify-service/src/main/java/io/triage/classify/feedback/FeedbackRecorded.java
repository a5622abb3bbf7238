package io.triage.classify.feedback;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Feedback accepted for a decision; forwarded at least once to rules-engine (when a rule matched), to
 * embedding-service (labels of the ticket's vector), to ingestion-service (the ticket's validated labels) and to
 * audit-service (the compliance report's ground truth).
 *
 * @param decisionId        the decision
 * @param ticketId          the ticket, when known
 * @param ruleId            the rule that matched, when one did
 * @param ruleSetVersion    the rule-set version that matched it
 * @param department        correct department
 * @param urgency           correct urgency
 * @param sentiment         correct sentiment
 * @param source            who gave it: {@code agent} or {@code ticketing-system} (null in events published before
 *                          this field existed)
 * @param recordedAt        when it was accepted (null in events published before this field existed)
 */
public record FeedbackRecorded(UUID decisionId, @Nullable String ticketId, @Nullable String ruleId,
        @Nullable String ruleSetVersion,
        String department, @Nullable String urgency, @Nullable String sentiment, @Nullable String source,
        @Nullable Instant recordedAt) {
}
