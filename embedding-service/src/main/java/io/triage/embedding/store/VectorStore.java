package io.triage.embedding.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A vector index of tickets for one embedding model and dimension. Postgres ({@code ticket_embeddings}) is the
 * source of truth; a store may lag and is repaired by the reconcile job. Every method throws
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface VectorStore extends AutoCloseable {

    /** The implementation's short name ({@code lucene}, {@code qdrant}). */
    String kind();

    int dimension();

    /** Inserts or replaces entries by ticket id; durable when the call returns. */
    void upsert(List<VectorRecord> records);

    /** The {@code k} entries most cosine-similar to {@code query} (unit length) that match {@code filter}. */
    List<VectorMatch> search(float[] query, int k, SearchFilter filter);

    /** Deletes the entries of these tickets; returns how many existed. */
    long deleteByTicketIds(Collection<String> ticketIds);

    /** Deletes every entry of the customer; returns how many existed. */
    long deleteByCustomer(String customerId);

    long count();

    /** Every entry's ticket id and revision, for reconciliation against Postgres. */
    Map<String, Long> revisions();

    StoreHealth health();

    @Override
    void close();
}
