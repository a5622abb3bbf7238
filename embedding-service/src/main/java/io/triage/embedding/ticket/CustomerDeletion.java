package io.triage.embedding.ticket;

/**
 * The outcome of deleting a customer's vectors (GDPR erasure).
 *
 * @param customerId the customer
 * @param deletedFromPostgres rows removed from {@code ticket_embeddings} (all models)
 * @param deletedFromIndex entries removed from the vector index of the active model
 * @param deletedFromInactiveIndexes entries removed from the indexes of models no longer active (Lucene store)
 * @param blankedBackfillLines the customer's lines blanked in the files of the backfill directory
 */
public record CustomerDeletion(String customerId, long deletedFromPostgres, long deletedFromIndex,
        long deletedFromInactiveIndexes, long blankedBackfillLines) {

    /** The same deletion, with what the inactive models' indexes held. */
    public CustomerDeletion withInactiveIndexes(long deleted) {
        return new CustomerDeletion(customerId, deletedFromPostgres, deletedFromIndex, deleted, blankedBackfillLines);
    }

    /** The same deletion, with the backfill lines blanked. */
    public CustomerDeletion withBackfillLines(long blanked) {
        return new CustomerDeletion(customerId, deletedFromPostgres, deletedFromIndex, deletedFromInactiveIndexes,
                blanked);
    }
}
