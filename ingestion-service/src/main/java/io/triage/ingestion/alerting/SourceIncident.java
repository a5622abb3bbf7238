package io.triage.ingestion.alerting;

import java.time.Instant;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;

/**
 * One incident of a source, as {@code source_incidents} holds it.
 *
 * @param detail what was seen when it opened (failures in a row and the last error's kind, or the newest ticket's
 *               time); never a response body or ticket text
 * @param openedNotifiedAt when its opening message was posted (or logged, without a Slack webhook); null while due
 * @param closedAt when it closed; null while open
 * @param closedNotifiedAt when its recovery message was posted; null while due or open
 */
record SourceIncident(long id, TicketSource source, IncidentKind kind, String detail, Instant openedAt,
        @Nullable Instant openedNotifiedAt, @Nullable Instant closedAt, @Nullable Instant closedNotifiedAt) {

    boolean openingDue() {
        return openedNotifiedAt == null;
    }

    boolean recoveryDue() {
        return closedAt != null && closedNotifiedAt == null;
    }
}
