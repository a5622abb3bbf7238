package io.triage.rules.api;

import io.triage.rules.engine.TicketText;

/**
 * A ticket to evaluate (sanitised text).
 *
 * @param ticketId    caller's id, echoed back
 * @param subject     subject line
 * @param description body
 * @param channel     channel it arrived on
 */
record TicketRequest(String ticketId, String subject, String description, String channel) {

    TicketText text() {
        return new TicketText(subject, description, channel);
    }
}
