package io.triage.classify.training;

import java.util.List;
import java.util.Map;

import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;

/** Labelled examples from the seeded synthetic ticket generator, for tests that need a small real model. */
public final class GeneratedTickets {

    private GeneratedTickets() {
    }

    public static TrainingSet trainingSet(long seed, int count) {
        List<LabelledText> examples = new TicketGenerator(seed).generate(count).stream()
                .map(GeneratedTickets::labelled).toList();
        return new TrainingSet(examples, Heads.ALL);
    }

    static LabelledText labelled(SyntheticTicket ticket) {
        return new LabelledText(ticket.subject() + "\n" + ticket.description(), Map.of(
                Heads.DEPARTMENT, ticket.department(), Heads.URGENCY, ticket.urgency(),
                Heads.SENTIMENT, ticket.sentiment()));
    }
}
