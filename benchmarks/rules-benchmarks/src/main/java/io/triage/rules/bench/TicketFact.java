package io.triage.rules.bench;

import org.jspecify.annotations.Nullable;

/** The fact Drools rules look at: the ticket's lowercased subject and description, and the winning rule. */
public final class TicketFact {

    private final String text;
    private @Nullable String winner;

    public TicketFact(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }

    public @Nullable String getWinner() {
        return winner;
    }

    /** Called by every firing rule; the first (highest salience) wins. */
    public void offer(String ruleId) {
        if (winner == null) {
            winner = ruleId;
        }
    }
}
