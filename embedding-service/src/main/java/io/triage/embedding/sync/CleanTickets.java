package io.triage.embedding.sync;

import java.util.List;

import io.triage.embedding.ticket.TicketText;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The feed of sanitised tickets this service expects from ingestion-service (the contract is in the README):
 * {@code GET /tickets/clean?after=<cursor>&limit=<n>} in creation order, answering a page and the cursor of its last
 * item.
 */
@HttpExchange
public interface CleanTickets {

    @GetExchange("/tickets/clean")
    Page after(@RequestParam(required = false) @Nullable String after, @RequestParam int limit);

    /**
     * One page of the feed.
     *
     * @param items sanitised tickets, oldest first
     * @param nextCursor the cursor to continue after this page; {@code null} when the page is empty
     */
    record Page(List<TicketText> items, @Nullable String nextCursor) {
    }
}
