package io.triage.embedding.store;

/**
 * A store's state as reported by {@code GET /vector-db/health}.
 *
 * @param store the implementation ({@code lucene}, {@code qdrant})
 * @param up whether it answers
 * @param count entries in the collection/index of the active model
 * @param dimension vector length of the active model
 * @param detail a short reason when down
 */
public record StoreHealth(String store, boolean up, long count, int dimension, String detail) {
}
