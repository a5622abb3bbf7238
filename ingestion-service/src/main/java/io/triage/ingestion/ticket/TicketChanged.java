package io.triage.ingestion.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A ticket was stored for the first time or changed to a newer version. Published in the transaction that stored it
 * (Spring Modulith's event publication registry), so it is delivered at least once after the commit. It carries
 * no text and no customer id: listeners read the current sanitised ticket, and the outbox holds no personal data.
 *
 * @param ticketId the ticket
 * @param source where it came from
 * @param version the source's updated-at of the stored version
 * @param textChanged whether its subject or description changed; false when only fields moved (an agent's change of
 *                    group, our write-back echoed), null in events published before this was recorded (taken as
 *                    changed)
 */
public record TicketChanged(UUID ticketId, TicketSource source, Instant version, @Nullable Boolean textChanged) {

    /** Whether listeners that read the text (classification, indexing) have anything new to read. */
    public boolean newText() {
        return !Boolean.FALSE.equals(textChanged);
    }
}
