package io.triage.embedding.ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    private final TransactionOperations transactions;
    private final Counter embeddedTickets;

    public EmbeddingPipeline(EmbeddingModel model, VectorStore store, TicketEmbeddings rows,
            TransactionOperations transactions, MeterRegistry meters) {
        this.model = model;
        this.store = store;
        this.rows = rows;
        this.transactions = transactions;
        this.embeddedTickets = Counter.builder("embedding.tickets.embedded")
                .description("Tickets whose text was embedded").tag("model", model.name()).register(meters);
    }

    public EmbeddingModel model() {
        return model;
    }

    public IngestResult ingest(List<TicketText> tickets) {
        return ingest(tickets, () -> { });
    }

    /**
     * Ingests the tickets and runs {@code alsoInTransaction} (e.g. advancing a checkpoint) in the same transaction.
     * A ticket id given twice keeps its last occurrence.
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
        transactions.executeWithoutResult(status -> {
            List<VectorRecord> records = new ArrayList<>();
            for (int i = 0; i < toEmbed.size(); i++) {
                TicketText ticket = toEmbed.get(i);
                records.add(rows.save(ticket.ticketId(), vectors.get(i), ContentHash.of(ticket.text()),
                        ticket.metadata()).toRecord());
            }
            for (Relabel relabel : toRelabel) {
                TicketText ticket = relabel.ticket();
                StoredEmbedding stored = relabel.stored();
                records.add(rows.save(ticket.ticketId(), stored.vector(), stored.contentHash(), ticket.metadata())
                        .toRecord());
            }
            if (!records.isEmpty()) {
                store.upsert(records);
            }
            alsoInTransaction.run();
        });
        embeddedTickets.increment(toEmbed.size());
        return new IngestResult(toEmbed.size(), toRelabel.size(), distinct.size() - toEmbed.size() - toRelabel.size());
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

    /** Deletes every vector of the customer from Postgres and the index, together. */
    public CustomerDeletion deleteCustomer(String customerId) {
        return Objects.requireNonNull(transactions.execute(status -> {
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
