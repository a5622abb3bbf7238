package io.triage.embedding.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.triage.platform.crypto.KeyedHash;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which customers were erased, and when ({@code erased_customers}, keyed hashes only). An erasure and a write of the
 * same customer's tickets serialise on a transaction-scoped advisory lock of the customer's hash: the erasure takes it
 * exclusively, a write shares it. So a write that was embedding while the erasure ran either commits first (and the
 * erasure's delete, which waits for it, removes its rows) or commits after (and finds the erasure recorded, and drops
 * the tickets created before it). Both methods must run inside the caller's transaction.
 */
public class ErasedCustomers {

    /** Namespaces the advisory lock keys of this table from any other use of {@code hashtextextended}. */
    private static final int LOCK_SEED = 0x65726173;

    private final JdbcClient jdbc;
    private final KeyedHash hash;

    public ErasedCustomers(JdbcClient jdbc, KeyedHash hash) {
        this.jdbc = jdbc;
        this.hash = hash;
    }

    /** Waits for writes of the customer in flight, then records the erasure at the database's clock. */
    public void recordErasure(String customerId) {
        String customerHash = hash.of(customerId);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:hash, :seed))")
                .param("hash", customerHash).param("seed", LOCK_SEED).query((rs, row) -> 1).list();
        jdbc.sql("""
                INSERT INTO erased_customers (customer_hash, erased_at) VALUES (:hash, clock_timestamp())
                ON CONFLICT (customer_hash) DO UPDATE SET erased_at = excluded.erased_at
                """)
                .param("hash", customerHash)
                .update();
    }

    /**
     * Shares the lock of each of these customers (held to the end of the transaction, taken in a fixed order so two
     * writers cannot deadlock) and answers when those erased were erased, by customer id.
     */
    public Map<String, Instant> lockAndFindErased(Collection<String> customerIds) {
        Map<String, String> byHash = new TreeMap<>();
        customerIds.stream().filter(Objects::nonNull).distinct().forEach(id -> byHash.put(hash.of(id), id));
        Map<String, Instant> erased = new HashMap<>();
        if (byHash.isEmpty()) {
            return erased;
        }
        String[] hashes = byHash.keySet().toArray(String[]::new);
        jdbc.sql("""
                SELECT pg_advisory_xact_lock_shared(hashtextextended(h, :seed))
                  FROM unnest(:hashes) WITH ORDINALITY AS t(h, n) ORDER BY n
                """)
                .param("hashes", hashes).param("seed", LOCK_SEED).query((rs, row) -> 1).list();
        jdbc.sql("SELECT customer_hash, erased_at FROM erased_customers WHERE customer_hash = ANY(:hashes)")
                .param("hashes", hashes)
                .query((rs, row) -> Map.entry(byHash.get(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .list()
                .forEach(entry -> erased.put(entry.getKey(), entry.getValue()));
        return erased;
    }
}
