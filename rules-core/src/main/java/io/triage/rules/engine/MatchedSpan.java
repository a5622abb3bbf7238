package io.triage.rules.engine;

import io.triage.rules.ruleset.TicketField;

/**
 * Where the winning rule's pattern matched: the earliest-ending match in the first of the rule's fields that has one,
 * extended as far left as a match ending there can reach.
 *
 * @param field the field it is in
 * @param start index of the first character (inclusive)
 * @param end   index after the last character (exclusive)
 * @param text  the matched text, as written in the ticket
 */
public record MatchedSpan(TicketField field, int start, int end, String text) {
}
