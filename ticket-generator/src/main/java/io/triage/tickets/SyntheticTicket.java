package io.triage.tickets;

import java.util.List;

/**
 * One generated ticket; labels are the ground truth.
 *
 * @param ticketId    synthetic id, {@code SYN-0000001} upwards in generation order
 * @param customerId  id drawn from a seeded customer pool, so customers repeat across tickets
 * @param channel     one of {@link TicketLabels#CHANNELS}
 * @param subject     short subject line, may contain PII
 * @param description free text body, may contain PII
 * @param department  one of {@link TicketLabels#DEPARTMENTS}
 * @param urgency     one of {@link TicketLabels#URGENCIES}
 * @param sentiment   one of {@link TicketLabels#SENTIMENTS}
 * @param language    ISO 639-1 code of the phrasing, one of {@link TicketLabels#LANGUAGES}
 * @param piiSpans    every personal-data occurrence in subject and description, in text order per field
 */
public record SyntheticTicket(String ticketId, String customerId, String channel, String subject, String description,
        String department, String urgency, String sentiment, String language, List<PiiSpan> piiSpans) {

    public SyntheticTicket {
        piiSpans = piiSpans == null ? List.of() : List.copyOf(piiSpans);
    }

    /** The substring a span labels, taken from the field it points into. */
    public String textOf(PiiSpan span) {
        String field = span.field() == PiiSpan.Field.SUBJECT ? subject : description;
        return field.substring(span.start(), span.end());
    }
}
