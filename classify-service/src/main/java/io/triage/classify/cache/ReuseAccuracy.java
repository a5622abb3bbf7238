package io.triage.classify.cache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How often reusing a historical ticket's department label was right, counted only from confirmed outcomes: feedback
 * on tickets that had it as their near-duplicate (whether or not the cache decided them). No prior is assumed: a
 * neighbour without enough confirmed outcomes has no measured accuracy (issue 23, item 3).
 */
@Repository
public class ReuseAccuracy {

    private final JdbcClient jdbc;

    ReuseAccuracy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The confirmed outcomes of reusing one neighbour's label.
     *
     * @param confirmed outcomes confirmed by feedback
     * @param correct   of those, the ones where the neighbour's department was the right one
     */
    public record Observed(long confirmed, long correct) {

        /** correct / confirmed; NaN without outcomes. */
        public double accuracy() {
            return confirmed == 0 ? Double.NaN : (double) correct / confirmed;
        }
    }

    /** The confirmed outcomes of reusing {@code neighbourTicketId}'s label (zeros when there are none). */
    public Observed observed(String neighbourTicketId) {
        return jdbc.sql("SELECT reuses, correct FROM cache_reuse_accuracy WHERE neighbour_ticket_id = :id")
                .param("id", neighbourTicketId)
                .query((rs, n) -> new Observed(rs.getLong(1), rs.getLong(2)))
                .optional().orElse(new Observed(0, 0));
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
