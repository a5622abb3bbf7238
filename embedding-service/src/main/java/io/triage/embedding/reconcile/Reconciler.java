package io.triage.embedding.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.embedding.store.VectorStore;
import io.triage.embedding.ticket.StoredEmbedding;
import io.triage.embedding.ticket.TicketEmbeddings;

/**
 * Makes the index agree with Postgres: re-indexes missing and stale entries and deletes orphaned ones. An empty or
 * lost index is thereby rebuilt. The index is read before Postgres, so a write in flight (index first, then the
 * Postgres commit) shows up as at most a harmless re-index, and an orphan is re-checked before it is deleted.
 */
public class Reconciler {

    private static final int CHUNK = 1000;

    private final TicketEmbeddings rows;
    private final VectorStore store;
    private final AtomicLong lastMissing = new AtomicLong();
    private final AtomicLong lastStale = new AtomicLong();
    private final AtomicLong lastOrphaned = new AtomicLong();

    public Reconciler(TicketEmbeddings rows, VectorStore store, MeterRegistry meters) {
        this.rows = rows;
        this.store = store;
        register(meters, "missing", lastMissing);
        register(meters, "stale", lastStale);
        register(meters, "orphaned", lastOrphaned);
    }

    public ReconcileReport reconcile() {
        Map<String, Long> indexed = store.revisions();
        Map<String, Long> stored = rows.revisions();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        stored.forEach((ticketId, revision) -> {
            Long indexRevision = indexed.get(ticketId);
            if (indexRevision == null) {
                missing.add(ticketId);
            } else if (!indexRevision.equals(revision)) {
                stale.add(ticketId);
            }
        });
        List<String> orphanCandidates = indexed.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
        List<String> orphaned = new ArrayList<>(orphanCandidates);
        orphaned.removeAll(rows.find(orphanCandidates).keySet());

        List<String> reindex = new ArrayList<>(missing);
        reindex.addAll(stale);
        for (int from = 0; from < reindex.size(); from += CHUNK) {
            List<String> chunk = reindex.subList(from, Math.min(reindex.size(), from + CHUNK));
            store.upsert(rows.find(chunk).values().stream().map(StoredEmbedding::toRecord).toList());
        }
        store.deleteByTicketIds(orphaned);
        lastMissing.set(missing.size());
        lastStale.set(stale.size());
        lastOrphaned.set(orphaned.size());
        return new ReconcileReport(missing.size(), stale.size(), orphaned.size(), store.count());
    }

    private static void register(MeterRegistry meters, String kind, AtomicLong value) {
        Gauge.builder("embedding.reconcile.differences", value, AtomicLong::get)
                .description("Differences between ticket_embeddings and the index found by the last reconcile run")
                .tag("kind", kind)
                .register(meters);
    }
}
