package io.triage.classify.tier;

import org.jspecify.annotations.Nullable;

/**
 * A ticket after PII sanitisation: the only form any tier, log, prompt or audit event sees.
 *
 * @param ticketId     the ticket's id, when known
 * @param subject      sanitised subject
 * @param description  sanitised description
 * @param channel      channel, lower case
 * @param customerHash keyed hash (HMAC-SHA256) of the customer id, when known
 * @param sourceSystem the sending system
 * @param language     BCP 47 language tag in canonical case, when known
 * @param customerSegment the customer's segment in lower case, when known
 */
public record SanitisedTicket(@Nullable String ticketId, String subject, String description, String channel,
        @Nullable String customerHash, String sourceSystem, @Nullable String language,
        @Nullable String customerSegment) {

    /** A ticket without language or customer segment. */
    public SanitisedTicket(@Nullable String ticketId, String subject, String description, String channel,
            @Nullable String customerHash, String sourceSystem) {
        this(ticketId, subject, description, channel, customerHash, sourceSystem, null, null);
    }

    /** Subject and description as one text, the form the model, the cache and the LLM read. */
    public String text() {
        return subject.isEmpty() ? description : subject + "\n" + description;
    }
}
