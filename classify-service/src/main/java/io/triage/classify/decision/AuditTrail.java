package io.triage.classify.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** audit-service's event endpoint (base URL, timeouts and key: {@code spring.http.serviceclient.audit}). */
@HttpExchange
public interface AuditTrail {

    /**
     * The labels of a decision.
     *
     * @param department department
     * @param urgency    urgency
     * @param sentiment  sentiment
     */
    record Prediction(@Nullable String department, @Nullable String urgency, @Nullable String sentiment) {
    }

    /**
     * One decision event in audit-service's format; it is idempotent on {@code eventId}.
     *
     * @param eventId             event id (the decision id)
     * @param ticketId            the ticket
     * @param userId              who asked
     * @param modelVersion        model version
     * @param ruleSetVersion      rule-set version
     * @param routingMethod       RULES, CACHE, ML, LLM or NEEDS_REVIEW
     * @param prediction          the labels
     * @param confidence          the decision's confidence
     * @param decidedAt           when
     * @param channel             channel
     * @param language            the ticket's language (BCP 47), when known
     * @param customerSegment     the customer's segment, when known
     * @param tierLatenciesMicros per-tier latency
     * @param traceId             trace id
     */
    record Event(UUID eventId, String ticketId, @Nullable String userId, String modelVersion,
            @Nullable String ruleSetVersion, String routingMethod, Prediction prediction, BigDecimal confidence,
            Instant decidedAt, @Nullable String channel, @Nullable String language,
            @Nullable String customerSegment, Map<String, Long> tierLatenciesMicros,
            @Nullable String traceId) {
    }

    @PostExchange("/audit/events")
    void record(@RequestBody Event event);

    /**
     * Records several events in one request: {@code events} is a JSON array of {@link Event}s, sent as it is.
     * audit-service answers 200 with a receipt once every event is stored (events it already had count as
     * duplicates, not errors).
     */
    @PostExchange(url = "/audit/events", contentType = "application/json")
    void recordAll(@RequestBody String events);
}
