package io.triage.rules.bench;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.TicketText;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Realistic tickets from the project's seeded generator, drawn so that a fixed share of them is routed by the 10
 * shipped rules (the generator's phrasings are close to what the rules were written for, so unfiltered far more
 * would match than the 15–25 % rules route in production).
 */
final class BenchmarkTickets {

    static final int COUNT = 10_000;
    static final double MATCHING_SHARE = 0.29;

    private BenchmarkTickets() {
    }

    static List<TicketText> draw(CompiledRuleSet shippedRules) {
        TicketGenerator generator = new TicketGenerator(42);
        int wantMatching = (int) Math.round(COUNT * MATCHING_SHARE);
        List<TicketText> matching = new ArrayList<>();
        List<TicketText> other = new ArrayList<>();
        while (matching.size() < wantMatching || other.size() < COUNT - wantMatching) {
            SyntheticTicket t = generator.next();
            TicketText ticket = new TicketText(t.subject(), t.description(), t.channel());
            List<TicketText> bucket = shippedRules.winner(ticket) >= 0 ? matching : other;
            if (bucket.size() < (bucket == matching ? wantMatching : COUNT - wantMatching)) {
                bucket.add(ticket);
            }
        }
        List<TicketText> all = new ArrayList<>(matching);
        all.addAll(other);
        Collections.shuffle(all, new Random(7));
        return all;
    }

    static double averageLength(List<TicketText> tickets) {
        return tickets.stream().mapToInt(TicketText::length).average().orElse(0);
    }
}
