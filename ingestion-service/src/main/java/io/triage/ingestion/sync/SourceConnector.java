package io.triage.ingestion.sync;

import java.util.List;

import io.triage.ingestion.source.SourceTicket;
import io.triage.ingestion.ticket.TicketSource;

/**
 * Pulls one ticketing system page by page from a watermark. Each page is stored with the watermark it reaches in one
 * transaction ({@link PageSink}), so an interrupted pull resumes where it stopped and never skips a page.
 */
public interface SourceConnector {

    TicketSource source();

    /** Pulls from {@code from} until the source has nothing newer, or {@code max-pages} pages. */
    void pull(Watermark from, PageSink sink);

    /** Where a connector hands each page. */
    interface PageSink {

        /** Stores the page's tickets and commits {@code reached}; all or nothing. */
        void accept(List<SourceTicket> tickets, Watermark reached);
    }
}
