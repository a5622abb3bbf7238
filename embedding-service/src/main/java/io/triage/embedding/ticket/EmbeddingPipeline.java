package io.triage.embedding.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.embedding.model.ContentHash;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.store.VectorRecord;
import io.triage.embedding.store.VectorStore;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Embeds tickets and writes them to Postgres and the index together: the index write happens inside the Postgres
 * transaction, so when the store fails the rows roll back and nothing is half-written. (Should the commit itself
 * fail after the index write, the reconcile job removes the orphaned entries.) Idempotent on ticket id and content
 * hash: known text is never embedded again.
 */
public class EmbeddingPipeline {

    private final EmbeddingModel model;
    private final VectorStore store;
    private final TicketEmbeddings rows;
    private final ErasedCustomers erased;
    private final TransactionOperations transactions;
    private final Counter embeddedTickets;
    private final Counter droppedErased;

    public EmbeddingPipeline(EmbeddingModel model, VectorStore store, TicketEmbeddings rows, ErasedCustomers erased,
            TransactionOperations transactions, MeterRegistry meters) {
        this.model = model;
        this.store = store;
        this.rows = rows;
        this.erased = erased;
        this.transactions = transactions;
        this.embeddedTickets = Counter.builder("embedding.tickets.embedded")
                .description("Tickets whose text was embedded").tag("model", model.name()).register(meters);
        this.droppedErased = Counter.builder("embedding.tickets.erased.dropped")
                .description("Tickets not written because their customer was erased after they were created")
                .register(meters);
    }

    public EmbeddingModel model() {
        return model;
    }

    public IngestResult ingest(List<TicketText> tickets) {
        return ingest(tickets, () -> { });
    }

    /**
     * Ingests the tickets and runs {@code alsoInTransaction} (e.g. advancing a checkpoint) in the same transaction.
     * A ticket id given twice keeps its last occurrence. A ticket whose customer was erased after it was created is
     * dropped (counted as {@code erased}): it was read before the erasure, by a sync page or a backfill batch, and
     * would otherwise bring the customer's vectors back.
     */
    public IngestResult ingest(List<TicketText> tickets, Runnable alsoInTransaction) {
        List<TicketText> distinct = lastOccurrences(tickets);
        Map<String, StoredEmbedding> existing = rows.find(distinct.stream().map(TicketText::ticketId).toList());
        List<TicketText> toEmbed = new ArrayList<>();
        List<Relabel> toRelabel = new ArrayList<>();
        for (TicketText ticket : distinct) {
            StoredEmbedding stored = existing.get(ticket.ticketId());
            if (stored == null || !stored.contentHash().equals(ContentHash.of(ticket.text()))) {
                toEmbed.add(ticket);
            } else if (!stored.metadata().equals(ticket.metadata())) {
                toRelabel.add(new Relabel(ticket, stored));
            }
        }
        // Embedding is the slow part and needs no transaction; only the writes do.
        List<float[]> vectors = model.embed(toEmbed.stream().map(TicketText::text).toList());
        int[] dropped = Objects.requireNonNull(transactions.execute(status -> {
            Map<String, Instant> erasedAt = erased.lockAndFindErased(Stream.concat(toEmbed.stream(),
                    toRelabel.stream().map(Relabel::ticket)).map(TicketText::customerId).toList());
            int[] skipped = new int[2];
            List<VectorRecord> records = new ArrayList<>();
            for (int i = 0; i < toEmbed.size(); i++) {
                TicketText ticket = toEmbed.get(i);
                if (erasedBefore(ticket, erasedAt)) {
                    skipped[0]++;
                    continue;
                }
                records.add(rows.save(ticket.ticketId(), vectors.get(i), ContentHash.of(ticket.text()),
                        ticket.metadata()).toRecord());
            }
            for (Relabel relabel : toRelabel) {
                TicketText ticket = relabel.ticket();
                if (erasedBefore(ticket, erasedAt)) {
                    skipped[1]++;
                    continue;
                }
                StoredEmbedding stored = relabel.stored();
                records.add(rows.save(ticket.ticketId(), stored.vector(), stored.contentHash(), ticket.metadata())
                        .toRecord());
            }
            if (!records.isEmpty()) {
                store.upsert(records);
            }
            alsoInTransaction.run();
            return skipped;
        }));
        embeddedTickets.increment(toEmbed.size() - dropped[0]);
        droppedErased.increment(dropped[0] + dropped[1]);
        return new IngestResult(toEmbed.size() - dropped[0], toRelabel.size() - dropped[1],
                distinct.size() - toEmbed.size() - toRelabel.size(), dropped[0] + dropped[1]);
    }

    private static boolean erasedBefore(TicketText ticket, Map<String, Instant> erasedAt) {
        Instant erasure = ticket.customerId() == null ? null : erasedAt.get(ticket.customerId());
        return erasure != null && !ticket.createdAt().isAfter(erasure);
    }

    /** Sets the given labels of a known ticket; empty when the ticket has no embedding. */
    public Optional<StoredEmbedding> relabel(String ticketId, @Nullable String department, @Nullable String urgency,
            @Nullable String sentiment) {
        return Objects.requireNonNull(transactions.execute(status -> {
            Optional<StoredEmbedding> updated = rows.relabel(ticketId, department, urgency, sentiment);
            updated.ifPresent(row -> store.upsert(List.of(row.toRecord())));
            return updated;
        }));
    }

    /**
     * Deletes every vector of the customer from Postgres and the index, together, and records the erasure so that no
     * ticket of the customer created before it is written again (see {@link ErasedCustomers}).
     */
    public CustomerDeletion deleteCustomer(String customerId) {
        return Objects.requireNonNull(transactions.execute(status -> {
            erased.recordErasure(customerId);
            long fromPostgres = rows.deleteByCustomer(customerId);
            long fromIndex = store.deleteByCustomer(customerId);
            return new CustomerDeletion(customerId, fromPostgres, fromIndex, 0, 0);
        }));
    }

    private static List<TicketText> lastOccurrences(List<TicketText> tickets) {
        Set<String> seen = new LinkedHashSet<>();
        List<TicketText> distinct = new ArrayList<>();
        for (int i = tickets.size() - 1; i >= 0; i--) {
            if (seen.add(tickets.get(i).ticketId())) {
                distinct.add(tickets.get(i));
            }
        }
        return distinct.reversed();
    }

    /** A ticket whose text is already embedded as {@code stored}, with new labels. */
    private record Relabel(TicketText ticket, StoredEmbedding stored) {
    }
}
