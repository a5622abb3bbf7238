package io.triage.ingestion.flow;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * embedding-service's {@code POST /embeddings} (base URL, timeouts and key: {@code spring.http.serviceclient.embedding}).
 * It is idempotent on the ticket id: a repeated ticket replaces its vector (and re-embeds only if the text changed).
 */
@HttpExchange
public interface SearchIndex {

    /**
     * One ticket in embedding-service's format, without labels: only validated labels may become cache answers, and
     * they reach embedding-service through the validated-labels feed.
     *
     * @param ticketId   the ticket's id in this service
     * @param customerId the customer, when known (so an erasure finds the vector)
     * @param text       the sanitised text
     * @param createdAt  when this version reached ingestion-service (embedding lag is measured from it)
     */
    record Ticket(String ticketId, @Nullable String customerId, String text, Instant createdAt) {
    }

    /**
     * The request body.
     *
     * @param tickets the tickets
     */
    record Batch(List<Ticket> tickets) {
    }

    @PostExchange("/embeddings")
    void embed(@RequestBody Batch batch);
}
