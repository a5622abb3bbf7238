package io.triage.rules.engine;

import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.TicketField;
import org.jspecify.annotations.Nullable;

/**
 * The tabulated automata of one rule (see {@link RuleAutomata}); {@code keywords} and {@code excludes} may be null.
 */
record RuleDfas(Rule rule, Dfa pattern, @Nullable Dfa keywords, @Nullable Dfa excludes, Dfa reversed) {

    /** Whether this rule alone fires on the ticket (the plain definition, one automaton at a time). */
    boolean fires(TicketText ticket, Alphabet alphabet) {
        return occurs(pattern, ticket, alphabet)
                && (keywords == null || occurs(keywords, ticket, alphabet))
                && (excludes == null || !occurs(excludes, ticket, alphabet));
    }

    private boolean occurs(Dfa dfa, TicketText ticket, Alphabet alphabet) {
        for (TicketField field : rule.fields()) {
            if (dfa.firstMatchEnd(ticket.field(field), alphabet.classTable()) >= 0) {
                return true;
            }
        }
        return false;
    }
}
