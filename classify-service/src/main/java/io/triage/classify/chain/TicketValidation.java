package io.triage.classify.chain;

import java.util.regex.Pattern;

import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.TooLargeException;
import org.jspecify.annotations.Nullable;

/** Refuses tickets the chain cannot classify, naming the field: 400 for wrong values, 413 for oversized text. */
public final class TicketValidation {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");

    private TicketValidation() {
    }

    /** Checks one ticket; {@code prefix} is prepended to field names (e.g. {@code tickets[3].}). */
    public static void check(@Nullable TicketInput ticket, String prefix, int maxTextChars) {
        if (ticket == null) {
            throw new InvalidInputException(prefix.isEmpty() ? "ticket" : prefix.substring(0, prefix.length() - 1),
                    "a ticket is required");
        }
        if (ticket.description() == null || ticket.description().isBlank()) {
            throw new InvalidInputException(prefix + "description", "must not be blank");
        }
        int length = ticket.description().length() + (ticket.subject() == null ? 0 : ticket.subject().length());
        if (length > maxTextChars) {
            throw new TooLargeException("subject and description together hold " + length
                    + " characters; at most " + maxTextChars + " are accepted").with("field", prefix + "description");
        }
        if (ticket.channel() != null && !Channels.known(ticket.channel())) {
            throw new InvalidInputException(prefix + "channel", "unknown channel '" + abbreviate(ticket.channel())
                    + "'; known: " + Channels.ACCEPTED);
        }
        checkId(ticket.ticketId(), prefix + "ticketId");
        checkId(ticket.customerId(), prefix + "customerId");
        if (ticket.sourceSystem() != null && !SOURCE.matcher(ticket.sourceSystem()).matches()) {
            throw new InvalidInputException(prefix + "sourceSystem", "must be 1-64 letters, digits, space, _ . -");
        }
    }

    private static void checkId(@Nullable String id, String field) {
        if (id != null && !ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "must be 1-128 characters: letters, digits and . _ : / # -");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
