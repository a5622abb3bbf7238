package io.triage.classify.chain;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as the caller sent it (raw: it may still contain personal data until the chain sanitises it).
 *
 * @param ticketId     the ticket's id at its source, when known
 * @param subject      subject line
 * @param description  body text
 * @param channel      channel it came in on: one of the taxonomy's, or the source's own value (e.g. ServiceNow
 *                     {@code contact_type}) mapped per source; see {@code SourceChannels}
 * @param customerId   the customer, when known; only its hash is logged
 * @param sourceSystem the system that sent it (servicenow, zendesk, jira, import …, any case); a ticketing
 *                     system's unmapped channel values are kept instead of refused
 * @param language     the ticket's language as a BCP 47 tag ({@code en}, {@code de-CH}), when the caller knows
 *                     it; recorded with the decision for the compliance report's bias checks
 * @param customerSegment the customer's segment ({@code retail}, {@code smb}, {@code enterprise} …), a short
 *                     token, when known; recorded with the decision for the bias checks
 */
public record TicketInput(@Nullable String ticketId, @Nullable String subject, String description,
        @Nullable String channel, @Nullable String customerId, @Nullable String sourceSystem,
        @Nullable String language, @Nullable String customerSegment) {

    /** A ticket without language or customer segment. */
    public TicketInput(@Nullable String ticketId, @Nullable String subject, String description,
            @Nullable String channel, @Nullable String customerId, @Nullable String sourceSystem) {
        this(ticketId, subject, description, channel, customerId, sourceSystem, null, null);
    }
}
