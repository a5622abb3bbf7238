package io.triage.pii.evaluation;

import io.triage.tickets.PiiSpan;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's own synthetic tickets as labelled texts: subject and description are evaluated separately because
 * the generator's spans point into one field each. Its PII type names are the same as ours.
 */
final class GeneratedTickets {

    private GeneratedTickets() {
    }

    /** {@code count} tickets generated with {@code seed}. */
    static List<LabelledText> generate(long seed, int count) {
        List<LabelledText> texts = new ArrayList<>();
        for (SyntheticTicket ticket : new TicketGenerator(seed).generate(count)) {
            texts.add(field(ticket.subject(), ticket, PiiSpan.Field.SUBJECT));
            texts.add(field(ticket.description(), ticket, PiiSpan.Field.DESCRIPTION));
        }
        return texts;
    }

    private static LabelledText field(String text, SyntheticTicket ticket, PiiSpan.Field field) {
        List<GoldSpan> spans = ticket.piiSpans().stream()
                .filter(span -> span.field() == field)
                .map(span -> new GoldSpan(span.type().name(), span.start(), span.end()))
                .toList();
        return new LabelledText(text, spans);
    }
}
