package io.triage.rules.engine;

import io.triage.rules.ruleset.TicketField;

/**
 * The text fields of a ticket that rules look at (ideally already sanitised and normalised). Null fields read as empty.
 *
 * @param subject     the ticket's subject line
 * @param description the ticket's body
 * @param channel     the channel it came in on (email, phone, chat, web ...)
 */
public record TicketText(String subject, String description, String channel) {

    public TicketText {
        subject = subject == null ? "" : subject;
        description = description == null ? "" : description;
        channel = channel == null ? "" : channel;
    }

    /** The text of one field. */
    public String field(TicketField field) {
        return switch (field) {
            case SUBJECT -> subject;
            case DESCRIPTION -> description;
            case CHANNEL -> channel;
        };
    }

    /** Total number of characters, for size limits. */
    public int length() {
        return subject.length() + description.length() + channel.length();
    }
}
