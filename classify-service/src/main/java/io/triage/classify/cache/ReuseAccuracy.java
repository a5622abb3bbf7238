package io.triage.classify.cache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How often reusing a historical ticket's department label was right, learnt from feedback on tickets that had it
 * as their near-duplicate. The estimate is the mean of a Beta posterior, so one wrong reuse of a fresh neighbour
 * (with the default prior 4.5 : 0.5) already drops it below the 0.85 the cache needs.
 */
@Repository
public class ReuseAccuracy {

    private final JdbcClient jdbc;
    private final CacheTierProperties settings;

    ReuseAccuracy(JdbcClient jdbc, CacheTierProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties;
    }

    /** The estimated accuracy of reusing {@code neighbourTicketId}'s label. */
    public double estimate(String neighbourTicketId) {
        long[] counts = jdbc.sql("SELECT reuses, correct FROM cache_reuse_accuracy WHERE neighbour_ticket_id = :id")
                .param("id", neighbourTicketId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional().orElse(new long[] {0, 0});
        return (counts[1] + settings.priorHits()) / (counts[0] + settings.priorHits() + settings.priorMisses());
    }

    /** Records whether reusing the neighbour's label would have been (or was) right for one ticket. */
    public void record(String neighbourTicketId, boolean correct) {
        jdbc.sql("""
                INSERT INTO cache_reuse_accuracy (neighbour_ticket_id, reuses, correct) VALUES (:id, 1, :c)
                ON CONFLICT (neighbour_ticket_id) DO UPDATE
                   SET reuses = cache_reuse_accuracy.reuses + 1,
                       correct = cache_reuse_accuracy.correct + EXCLUDED.correct,
                       updated_at = now()
                """).param("id", neighbourTicketId).param("c", correct ? 1 : 0).update();
    }
}
