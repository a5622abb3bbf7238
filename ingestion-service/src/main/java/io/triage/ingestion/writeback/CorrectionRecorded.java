package io.triage.ingestion.writeback;

import java.util.UUID;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;

/**
 * An agent changed the group or priority of a ticket in its source after our write-back, and the change was recorded
 * as a validated label. Published in that transaction; classify-service then hears of it as feedback on the decision
 * ({@code POST /feedback}, source {@code ticketing-system}), which feeds the cache's reuse accuracy and the rules'.
 *
 * @param ticketId   the ticket
 * @param source     its ticketing system
 * @param decisionId the decision that was written back
 * @param department the department the ticket's source fields now point to (or, unchanged, the written one)
 * @param urgency    the urgency they now point to (or, unchanged, the written one)
 */
public record CorrectionRecorded(UUID ticketId, TicketSource source, UUID decisionId, @Nullable String department,
        @Nullable String urgency) {
}
