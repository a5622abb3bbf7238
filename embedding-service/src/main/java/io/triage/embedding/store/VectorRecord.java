package io.triage.embedding.store;

/**
 * One ticket's entry in a vector store.
 *
 * @param ticketId the ticket's id, unique in the store
 * @param vector unit-length embedding
 * @param metadata filterable fields
 * @param revision the {@code ticket_embeddings} revision this entry was written from; the reconcile job compares it
 */
public record VectorRecord(String ticketId, float[] vector, TicketMetadata metadata, long revision) {
}
