package io.triage.embedding.reconcile;

/**
 * The differences one reconcile run found between {@code ticket_embeddings} and the index, all repaired.
 *
 * @param missing rows without an index entry (re-indexed)
 * @param stale index entries of an older revision (re-indexed)
 * @param orphaned index entries without a row (deleted from the index)
 * @param indexCount index entries after the repair
 */
public record ReconcileReport(long missing, long stale, long orphaned, long indexCount) {

    public boolean consistent() {
        return missing == 0 && stale == 0 && orphaned == 0;
    }
}
