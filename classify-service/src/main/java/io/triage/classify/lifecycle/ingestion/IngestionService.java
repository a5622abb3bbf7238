package io.triage.classify.lifecycle.ingestion;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * ingestion-service as classify-service uses it (base URL, timeouts and key:
 * {@code spring.http.serviceclient.ingestion}). Only the fields used here are declared.
 */
@HttpExchange
public interface IngestionService {

    /**
     * A validation of a ticket's labels ({@code PUT /tickets/{id}/labels}).
     *
     * @param department  validated department
     * @param urgency     validated urgency, when known
     * @param sentiment   validated sentiment, when known
     * @param source      {@code agent-feedback} or {@code source-system}
     * @param validatedAt when the feedback was given; the latest validation of a ticket wins, so a redelivery
     *                    carries the original time
     */
    record Labels(@Nullable String department, @Nullable String urgency, @Nullable String sentiment,
            String source, @Nullable Instant validatedAt) {
    }

    /**
     * A ticket with validated labels and its sanitised text.
     *
     * @param id          the ticket
     * @param customerId  the ticket's customer, when it has one (only its keyed hash is kept, as provenance)
     * @param text        sanitised, normalised subject and description
     * @param department  validated department, if any
     * @param urgency     validated urgency, if any
     * @param sentiment   validated sentiment, if any
     * @param validatedAt when the labels were validated
     */
    record ValidatedTicket(String id, @Nullable String customerId, String text, @Nullable String department,
            @Nullable String urgency, @Nullable String sentiment, Instant validatedAt) {
    }

    /**
     * One page of validated tickets.
     *
     * @param items tickets in (validatedAt, id) order
     * @param next  the cursor of the following page; null after the last
     */
    record ValidatedPage(List<ValidatedTicket> items, @Nullable String next) {
    }

    @PutExchange("/tickets/{ticketId}/labels")
    void label(@PathVariable String ticketId, @RequestBody Labels labels);

    /**
     * @param since ISO-8601 instant: tickets validated at or after it
     * @param after the previous page's {@code next}, or null for the first page
     * @param limit page size (ingestion-service allows 1–1000)
     */
    @GetExchange("/tickets/validated")
    ValidatedPage validated(@RequestParam String since, @RequestParam(required = false) @Nullable String after,
            @RequestParam int limit);
}
