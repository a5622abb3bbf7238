package io.triage.embedding.store;

/**
 * One search hit.
 *
 * @param ticketId the similar ticket
 * @param similarity cosine similarity to the query, in [-1, 1]
 * @param metadata the hit's stored metadata
 */
public record VectorMatch(String ticketId, double similarity, TicketMetadata metadata) {
}
