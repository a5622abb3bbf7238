package io.triage.ingestion.sync;

import java.time.Instant;
import java.util.List;

import java.util.function.Supplier;

import io.triage.ingestion.source.SourceTicket;
import io.triage.platform.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/** Small facts about pages that the connectors share. */
final class Pages {

    private static final Logger log = LoggerFactory.getLogger(Pages.class);

    private Pages() {
    }

    /**
     * Adds the normalised row to {@code page}; a row the source wrote without a required value is skipped (logged by
     * field, never by content), so one bad record cannot stop every future pull.
     */
    static void add(List<SourceTicket> page, Supplier<SourceTicket> normalise) {
        try {
            page.add(normalise.get());
        } catch (ProblemException e) {
            log.warn("Skipped a pulled record: {} ({})", e.getMessage(), e.properties().get("field"));
        }
    }

    static @Nullable Instant newest(@Nullable Instant newest, SourceTicket ticket) {
        Instant updated = ticket.ticket().sourceUpdatedAt();
        return newest == null || updated.isAfter(newest) ? updated : newest;
    }

    /**
     * Whether ServiceNow's {@code Link} header names a next page; without the header (suppressed), a full page
     * means there may be more.
     */
    static boolean hasNextLink(HttpHeaders headers, int rows, int limit) {
        List<String> links = headers.getOrEmpty(HttpHeaders.LINK);
        if (links.isEmpty()) {
            return rows >= limit;
        }
        return links.stream().anyMatch(link -> link.contains("rel=\"next\""));
    }
}
