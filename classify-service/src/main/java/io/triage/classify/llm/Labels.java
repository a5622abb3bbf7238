package io.triage.classify.llm;

import java.util.List;

import io.triage.tickets.TicketLabels;

/** The label vocabularies the LLM must choose from: the same classes the model and the rules route to. */
final class Labels {

    static final List<String> DEPARTMENTS = TicketLabels.DEPARTMENTS;
    static final List<String> URGENCIES = TicketLabels.URGENCIES;
    static final List<String> SENTIMENTS = TicketLabels.SENTIMENTS;

    private Labels() {
    }
}
