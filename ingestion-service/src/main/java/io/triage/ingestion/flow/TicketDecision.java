package io.triage.ingestion.flow;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * classify-service's decision for a ticket, as kept beside it for write-back.
 *
 * @param ticketId       the ticket
 * @param ticketVersion  the source updated-at of the version that was classified
 * @param status         {@code DECIDED}, or {@code REFUSED} when classify-service refused the ticket (see problem)
 * @param decisionId     classify-service's decision id (its decision log and audit entry carry it)
 * @param routingMethod  RULE, CACHE, ML, LLM or NEEDS_REVIEW
 * @param department     the department, absent when a human must review
 * @param urgency        the urgency
 * @param sentiment      the sentiment
 * @param confidence     the department's confidence
 * @param modelVersion   the model version that answered, when the model was asked
 * @param ruleSetVersion the rule-set version evaluated
 * @param answer         classify-service's whole answer (explanation, alternatives, candidates) for the note
 * @param problem        why classify-service refused the ticket
 * @param decidedAt      when the decision was stored here
 */
public record TicketDecision(UUID ticketId, Instant ticketVersion, String status, @Nullable UUID decisionId,
        @Nullable String routingMethod, @Nullable String department, @Nullable String urgency,
        @Nullable String sentiment, @Nullable Double confidence, @Nullable String modelVersion,
        @Nullable String ruleSetVersion, @Nullable JsonNode answer, @Nullable String problem, Instant decidedAt) {

    /** Stored decisions' status. */
    public static final String DECIDED = "DECIDED";
    /** Refused tickets' status. */
    public static final String REFUSED = "REFUSED";
}
