package io.triage.pii.names;

import io.triage.tickets.PiiSpan;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.jspecify.annotations.Nullable;

/**
 * Training samples from the project's own ticket generator (its name, organisation and place lists are written for
 * that module, so the result may be redistributed). Uses a seed different from the evaluation's.
 */
final class GeneratedTicketSamples {

    private GeneratedTicketSamples() {
    }

    static List<NameSample> samples(long seed, int tickets) {
        List<NameSample> samples = new ArrayList<>();
        for (SyntheticTicket ticket : new TicketGenerator(seed).generate(tickets)) {
            samples.add(sample(ticket.subject(), ticket, PiiSpan.Field.SUBJECT));
            samples.add(sample(ticket.description(), ticket, PiiSpan.Field.DESCRIPTION));
        }
        return samples;
    }

    private static NameSample sample(String text, SyntheticTicket ticket, PiiSpan.Field field) {
        Span[] positions = SimpleTokenizer.INSTANCE.tokenizePos(text);
        String[] tokens = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            tokens[i] = positions[i].getCoveredText(text).toString();
        }
        List<Span> names = new ArrayList<>();
        for (PiiSpan span : ticket.piiSpans()) {
            String type = switch (span.type()) {
                case PERSON -> "person";
                case ORG -> "organization";
                case LOCATION -> "location";
                default -> null;
            };
            if (span.field() == field && type != null) {
                Span tokenSpan = tokenSpan(positions, span.start(), span.end(), type);
                if (tokenSpan != null) {
                    names.add(tokenSpan);
                }
            }
        }
        return new NameSample(tokens, names.toArray(Span[]::new), true);
    }

    private static @Nullable Span tokenSpan(Span[] positions, int start, int end, String type) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i].getStart() >= start && positions[i].getEnd() <= end) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? null : new Span(first, last + 1, type);
    }
}
