package io.triage.ingestion.flow;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * classify-service's {@code POST /classify} and {@code GET /taxonomy} (base URL, timeouts and key:
 * {@code spring.http.serviceclient.classify}).
 */
@HttpExchange
public interface ClassifyService {

    /**
     * The name calls to classify-service go under in {@code ResilientCalls}: one circuit breaker for classification,
     * feedback and the taxonomy alike, as they all fail together when the service does.
     */
    String CALLS = "classify-service";

    /**
     * A ticket in classify-service's request format; only sanitised text is ever sent.
     *
     * @param ticketId     the ticket's id in this service (the id its decision, audit entry and vector share)
     * @param subject      not sent: the sanitised text holds subject and description
     * @param description  the sanitised text
     * @param channel      the platform channel, when the source's value is mapped
     * @param customerId   the customer, when known (classify-service logs only its hash)
     * @param sourceSystem where the ticket came from ({@code servicenow}, {@code zendesk}, {@code jira},
     *                     {@code import})
     */
    record Ticket(String ticketId, @Nullable String subject, String description, @Nullable String channel,
            @Nullable String customerId, String sourceSystem) {
    }

    /**
     * Classifies one ticket. A repeated call with the same key answers the first decision again instead of making
     * a second one, so a redelivery from the outbox never logs a duplicate decision.
     */
    @PostExchange("/classify")
    JsonNode classify(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody Ticket ticket);

    /**
     * The labels the deployment classifies into ({@code GET /taxonomy}); field mappings are checked against them.
     *
     * @param departments the departments
     * @param urgencies   the urgencies
     * @param sentiments  the sentiments
     * @param channels    the channels
     * @param origins     per head, where its labels come from ({@code model:<version>} or {@code configuration})
     */
    record Taxonomy(@Nullable List<String> departments, @Nullable List<String> urgencies,
            @Nullable List<String> sentiments, @Nullable List<String> channels,
            @Nullable Map<String, String> origins) {
    }

    /**
     * Feedback on a decision: the labels the ticket really has ({@code POST /feedback}). classify-service keeps the
     * first feedback per decision, so a redelivery changes nothing.
     *
     * @param decisionId the decision
     * @param department the correct department
     * @param urgency    the correct urgency, when known
     * @param source     who says so: {@code ticketing-system} for a change seen in the source
     */
    record Feedback(UUID decisionId, String department, @Nullable String urgency, String source) {
    }

    @PostExchange("/feedback")
    JsonNode feedback(@RequestBody Feedback feedback);

    /** The deployment's taxonomy, as classify-service serves it now. */
    @GetExchange("/taxonomy")
    Taxonomy taxonomy();
}
