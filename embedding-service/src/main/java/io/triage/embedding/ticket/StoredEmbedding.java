package io.triage.embedding.ticket;

import io.triage.embedding.store.TicketMetadata;
import io.triage.embedding.store.VectorRecord;

/**
 * A row of {@code ticket_embeddings}.
 *
 * @param ticketId the ticket
 * @param vector its unit-length embedding
 * @param contentHash SHA-256 of the embedded text; the same text is never embedded twice
 * @param metadata filterable fields
 * @param revision grows with every change of the row
 */
public record StoredEmbedding(String ticketId, float[] vector, String contentHash, TicketMetadata metadata,
        long revision) {

    public VectorRecord toRecord() {
        return new VectorRecord(ticketId, vector, metadata, revision);
    }
}
