package io.triage.classify.erasure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.customer.CustomerHashes;
import io.triage.classify.lifecycle.ModelProperties;
import io.triage.classify.lifecycle.provenance.ErasedTraining;
import io.triage.classify.lifecycle.provenance.TrainingSubjects;
import io.triage.classify.llm.LlmCacheIndex;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a GDPR erasure to classify-service exactly once per request id, in one transaction: the decisions of the
 * given tickets or of the customer (keyed hash, or the legacy unsalted one of older rows), their feedback and LLM
 * calls (and with the decision rows their idempotency keys and stored answers), the cache reuse accounting of those
 * tickets as neighbours, and the LLM response-cache entries indexed under those tickets or the customer; other
 * tickets' decisions that named those tickets as similar keep their answer with the ids replaced. In the same
 * transaction the model versions trained on the customer's tickets are flagged for retirement (by the erasure time
 * + {@code retirement-window}) and the record of which tickets they used is deleted. A repeat of the request
 * answers the first receipt and deletes nothing new.
 *
 * <p>The Redis entries are deleted just before the commit rather than after it: deleting a cache entry is harmless
 * if the commit then fails (the request is retried and finds nothing more to delete there), whereas an entry left
 * behind by a Redis failure after the commit could never be retried, because the request would already have its
 * receipt. So a Redis failure is a 503 that rolls everything back, and gdpr-service's redelivery tries again.
 */
@Service
public class CustomerErasure {

    private record Doomed(UUID id, @Nullable String ticketId, boolean idempotent) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CustomerHashes customers;
    private final LlmCacheIndex cacheIndex;
    private final TrainingSubjects trainingSubjects;
    private final Duration retirementWindow;
    private final NeighbourReferences references;
    private final JsonMapper json;
    private final Counter applied;
    private final Counter replayed;
    private final Counter failed;

    CustomerErasure(JdbcClient jdbc, TransactionTemplate transactions, CustomerHashes customers,
            LlmCacheIndex cacheIndex, NeighbourReferences references, TrainingSubjects trainingSubjects,
            ModelProperties models, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.customers = customers;
        this.cacheIndex = cacheIndex;
        this.trainingSubjects = trainingSubjects;
        this.retirementWindow = models.retirementWindow();
        this.references = references;
        this.json = json;
        this.applied = counter(meters, "applied");
        this.replayed = counter(meters, "replayed");
        this.failed = counter(meters, "failed");
    }

    /** Erases {@code customerId}'s data and that of {@code ticketIds} (the ids classify saw as ticketId). */
    public ErasureReceipt apply(UUID requestId, String customerId, List<String> ticketIds) {
        ErasureReceipt receipt;
        try {
            receipt = Objects.requireNonNull(transactions.execute(status -> erase(requestId, customerId, ticketIds)));
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
        (receipt.replayed() ? replayed : applied).increment();
        return receipt;
    }

    private ErasureReceipt erase(UUID requestId, String customerId, List<String> ticketIds) {
        // The row lock makes two concurrent deliveries of one request wait for each other.
        int claimed = jdbc.sql("""
                INSERT INTO erasures (request_id, deleted_records, details) VALUES (:id, 0, '{}')
                ON CONFLICT (request_id) DO NOTHING
                """).param("id", requestId).update();
        if (claimed == 0) {
            return stored(requestId);
        }
        List<String> hashes = customers.all(customerId);
        List<Doomed> doomed = jdbc.sql("""
                SELECT id, ticket_id, idempotency_key IS NOT NULL FROM decisions
                 WHERE ticket_id = ANY(:tickets) OR customer_hash = ANY(:hashes)
                 FOR UPDATE
                """).param("tickets", ticketIds.toArray(String[]::new))
                .param("hashes", hashes.toArray(String[]::new))
                .query((rs, n) -> new Doomed(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
                .list();
        String[] ids = doomed.stream().map(d -> d.id().toString()).toArray(String[]::new);
        Set<String> tickets = new LinkedHashSet<>(ticketIds);
        for (Doomed decision : doomed) {
            if (decision.ticketId() != null) {
                tickets.add(decision.ticketId());
            }
        }
        String[] ticketArray = tickets.toArray(String[]::new);

        long feedback = jdbc.sql("DELETE FROM decision_feedback WHERE decision_id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", ids).update();
        long llmCalls = jdbc.sql("""
                DELETE FROM llm_calls WHERE decision_id = ANY(CAST(:ids AS uuid[])) OR ticket_id = ANY(:tickets)
                """).param("ids", ids).param("tickets", ticketArray).update();
        long decisions = jdbc.sql("DELETE FROM decisions WHERE id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", ids).update();
        long reuse = jdbc.sql("DELETE FROM cache_reuse_accuracy WHERE neighbour_ticket_id = ANY(:tickets)")
                .param("tickets", ticketArray).update();
        long neighbours = references.clear(tickets);
        long keys = doomed.stream().filter(Doomed::idempotent).count();
        // Postgres keeps microseconds: the receipt's retireBy then equals the one GET /models/retirements lists.
        ErasedTraining training = trainingSubjects.erase(hashes.getFirst(), tickets,
                Instant.now().truncatedTo(ChronoUnit.MICROS), retirementWindow);
        long cacheEntries = purgeCache(tickets, hashes.getFirst());

        ErasureDetails details = new ErasureDetails(decisions, feedback, reuse, llmCalls, keys, cacheEntries,
                neighbours, training.versions(), training.versions().isEmpty() ? null : training.retireBy());
        ErasureReceipt receipt = new ErasureReceipt(requestId, details, false);
        jdbc.sql("""
                UPDATE erasures SET deleted_records = :total, details = CAST(:details AS jsonb)
                 WHERE request_id = :id
                """).param("total", receipt.deletedRecords()).param("details", json.writeValueAsString(details))
                .param("id", requestId).update();
        return receipt;
    }

    private long purgeCache(Set<String> tickets, String keyedCustomerHash) {
        try {
            return cacheIndex.purge(new ArrayList<>(tickets), List.of(keyedCustomerHash));
        } catch (DataAccessException e) {
            throw new UnavailableException("the LLM response cache (Redis) is unreachable; nothing was erased, "
                    + "retry later", Duration.ofSeconds(30));
        }
    }

    private ErasureReceipt stored(UUID requestId) {
        String details = jdbc.sql("SELECT details::text FROM erasures WHERE request_id = :id")
                .param("id", requestId).query(String.class).single();
        return new ErasureReceipt(requestId, json.readValue(details, ErasureDetails.class), true);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("classify_erasures").description("GDPR erasure requests applied to classify-service")
                .tag("outcome", outcome).register(meters);
    }
}
