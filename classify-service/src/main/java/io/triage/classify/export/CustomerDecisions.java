package io.triage.classify.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What classify-service holds of one customer: the decisions made on their tickets (no text is kept here) and the
 * feedback agents gave on them.
 *
 * @param decisions oldest first
 */
public record CustomerDecisions(List<ExportedDecision> decisions) {

    /**
     * One decision: how the ticket was routed and the labels it was given.
     *
     * @param ticketId the ticket id classify was sent (null when none was)
     * @param feedback the agent's validated labels for it; null if none were given
     */
    public record ExportedDecision(UUID id, @Nullable String ticketId, String routingMethod,
            @Nullable String department, @Nullable Double departmentConfidence, @Nullable String urgency,
            @Nullable Double urgencyConfidence, @Nullable String sentiment, @Nullable Double sentimentConfidence,
            @Nullable String ruleId, @Nullable String modelVersion, @Nullable String channel,
            @Nullable String sourceSystem, Instant decidedAt, @Nullable Feedback feedback) {
    }

    /** The labels an agent validated, and whether the decided department was right. */
    public record Feedback(String department, @Nullable String urgency, @Nullable String sentiment, String source,
            boolean departmentCorrect, Instant receivedAt) {
    }
}
