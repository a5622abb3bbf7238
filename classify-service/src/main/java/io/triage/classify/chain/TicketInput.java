package io.triage.classify.chain;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as the caller sent it (raw: it may still contain personal data until the chain sanitises it).
 *
 * @param ticketId     the ticket's id at its source, when known
 * @param subject      subject line
 * @param description  body text
 * @param channel      channel it came in on (email, phone, chat, web, social)
 * @param customerId   the customer, when known; only its hash is logged
 * @param sourceSystem the ticketing system that sent it (ServiceNow, Zendesk, Jira, api …)
 */
public record TicketInput(@Nullable String ticketId, @Nullable String subject, String description,
        @Nullable String channel, @Nullable String customerId, @Nullable String sourceSystem) {
}
