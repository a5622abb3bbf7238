package io.triage.classify.erasure;

import java.util.Collection;

import io.triage.platform.erasure.ErasedReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Other tickets' decisions that name an erased ticket: the cache tier's nearest neighbour ({@code
 * neighbour_ticket_id}) and the explanation's similar tickets and summary in the stored answer. They belong to other
 * customers, so they stay; the erased ticket's id in them is replaced by {@code "erased"}. One scan of
 * {@code decisions} per erasure, whatever the number of tickets: an erasure is rare and runs in the background.
 */
@Component
class NeighbourReferences {

    private final JdbcClient jdbc;

    NeighbourReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many decisions had a reference replaced */
    long clear(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE decisions
                   SET neighbour_ticket_id = CASE WHEN neighbour_ticket_id = ANY(:tickets) THEN :erased
                                                  ELSE neighbour_ticket_id END,
                       response = CAST(regexp_replace(CAST(response AS text), :pattern, :erased, 'g') AS jsonb)
                 WHERE neighbour_ticket_id = ANY(:tickets) OR CAST(response AS text) ~ :pattern
                """).param("tickets", ticketIds.toArray(String[]::new)).param("erased", ErasedReferences.ERASED)
                .param("pattern", ErasedReferences.pattern(ticketIds)).update();
    }
}
