package io.triage.embedding.ticket;

/**
 * The outcome of deleting a customer's vectors (GDPR erasure).
 *
 * @param customerId the customer
 * @param deletedFromPostgres rows removed from {@code ticket_embeddings} (all models)
 * @param deletedFromIndex entries removed from the vector index of the active model
 */
public record CustomerDeletion(String customerId, long deletedFromPostgres, long deletedFromIndex) {
}
