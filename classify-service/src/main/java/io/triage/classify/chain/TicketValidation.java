package io.triage.classify.chain;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.triage.classify.taxonomy.ChannelValue;
import io.triage.classify.taxonomy.SourceChannels;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.TooLargeException;
import org.jspecify.annotations.Nullable;

/** Refuses tickets the chain cannot classify, naming the field: 400 for wrong values, 413 for oversized text. */
public final class TicketValidation {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}");
    private static final Pattern CHANNEL = Pattern.compile("(?=.*\\S)\\P{Cntrl}{1,32}");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");
    /** A BCP 47 tag's common shape: language, then script, region or variant subtags; audit holds 16 characters. */
    private static final Pattern LANGUAGE = Pattern.compile("(?=.{2,16}$)[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private TicketValidation() {
    }

    /**
     * Checks one ticket; {@code prefix} is prepended to field names (e.g. {@code tickets[3].}). A channel must be
     * one of the platform's or map to one for the ticket's source; a ticketing system's unmapped value passes.
     */
    public static void check(@Nullable TicketInput ticket, String prefix, int maxTextChars, SourceChannels channels) {
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
        if (ticket.channel() != null) {
            checkChannel(ticket, prefix + "channel", channels);
        }
        checkId(ticket.ticketId(), prefix + "ticketId");
        checkId(ticket.customerId(), prefix + "customerId");
        if (ticket.sourceSystem() != null && !SOURCE.matcher(ticket.sourceSystem()).matches()) {
            throw new InvalidInputException(prefix + "sourceSystem", "must be 1-64 letters, digits, space, _ . -");
        }
        if (ticket.language() != null && !wellFormedLanguage(ticket.language())) {
            throw new InvalidInputException(prefix + "language",
                    "must be a BCP 47 language tag of at most 16 characters, e.g. en, de-CH, zh-Hant");
        }
        if (ticket.customerSegment() != null && !SEGMENT.matcher(ticket.customerSegment()).matches()) {
            throw new InvalidInputException(prefix + "customerSegment",
                    "must be 1-32 letters, digits, _ or -, starting with a letter or digit");
        }
    }

    /**
     * The decision log and audit-service hold at most 32 characters of channel; a blank one is no channel for a
     * ticketing system (a ServiceNow record may have no contact type).
     */
    private static void checkChannel(TicketInput ticket, String field, SourceChannels channels) {
        String channel = ticket.channel();
        if (channel == null || (channel.isBlank() && ticketingSystem(ticket.sourceSystem()))) {
            return;
        }
        if (!CHANNEL.matcher(channel).matches()) {
            throw new InvalidInputException(field, "must be 1-32 characters, not blank, without control characters");
        }
        if (channels.resolve(ticket.sourceSystem(), channel) instanceof ChannelValue.Unknown) {
            throw new InvalidInputException(field, "unknown channel '" + abbreviate(channel) + "'; known: "
                    + channels.channels() + (ticket.sourceSystem() == null ? "; or name the sourceSystem"
                    + " (servicenow, zendesk, jira) whose channel value it is" : ""));
        }
    }

    private static boolean ticketingSystem(@Nullable String source) {
        return source != null && SourceChannels.TICKETING_SYSTEMS.contains(source.strip().toLowerCase(Locale.ROOT));
    }

    /** The common shape, and well-formed by BCP 47's grammar (e.g. no two-digit region). */
    private static boolean wellFormedLanguage(String tag) {
        if (!LANGUAGE.matcher(tag).matches()) {
            return false;
        }
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
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
