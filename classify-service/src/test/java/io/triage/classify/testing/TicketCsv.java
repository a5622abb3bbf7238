package io.triage.classify.testing;

import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;

/** Generated tickets as a labelled training CSV. */
public final class TicketCsv {

    private TicketCsv() {
    }

    public static String of(long seed, int count) {
        StringBuilder csv = new StringBuilder("subject,description,department,urgency,sentiment\n");
        for (SyntheticTicket t : new TicketGenerator(seed).generate(count)) {
            csv.append(quote(t.subject())).append(',').append(quote(t.description())).append(',')
                    .append(quote(t.department())).append(',').append(t.urgency()).append(',')
                    .append(t.sentiment()).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
