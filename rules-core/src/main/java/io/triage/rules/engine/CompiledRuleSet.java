package io.triage.rules.engine;

import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.TicketField;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule set ready to evaluate: immutable and safe to share between threads. Evaluation reads the ticket once per
 * scanned group (one group for small rule sets), in time linear in the ticket's length whatever the rules.
 */
public final class CompiledRuleSet {

    private final List<Rule> rules;
    private final List<RuleDfas> dfas;
    private final Alphabet alphabet;
    private final char[] classOf;
    private final RuleGroup[] groups;
    private final boolean[] alwaysScan;
    private final @Nullable LiteralPrefilter prefilter;

    CompiledRuleSet(List<Rule> rules, List<RuleDfas> dfas, Alphabet alphabet, List<RuleGroup> groups,
            List<@Nullable Set<String>> groupLiterals) {
        this.rules = List.copyOf(rules);
        this.dfas = dfas;
        this.alphabet = alphabet;
        this.classOf = alphabet.classTable();
        this.groups = groups.toArray(RuleGroup[]::new);
        this.alwaysScan = new boolean[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            alwaysScan[g] = groups.size() == 1 || groupLiterals.get(g) == null;
        }
        this.prefilter = groups.size() > 1 ? new LiteralPrefilter(groupLiterals) : null;
    }

    /** The first rule that fires on the ticket, with the matched span, or {@link RuleVerdict#NONE}. */
    public RuleVerdict evaluate(TicketText ticket) {
        int winner = winner(ticket);
        return winner < 0 ? RuleVerdict.NONE : new RuleVerdict.Fired(rules.get(winner), span(winner, ticket));
    }

    /** Index (among {@link #rules()}) of the first rule that fires, or -1. */
    public int winner(TicketText ticket) {
        long[] candidates = null;
        if (prefilter != null) {
            candidates = new long[(groups.length + 63) >>> 6];
            prefilter.mark(ticket, candidates);
        }
        for (int g = 0; g < groups.length; g++) {
            if (alwaysScan[g] || candidates != null && (candidates[g >>> 6] & (1L << g)) != 0) {
                int winner = groups[g].evaluate(ticket, classOf);
                if (winner >= 0) {
                    return winner;
                }
            }
        }
        return -1;
    }

    /** Whether rule {@code index} on its own (ignoring earlier rules) fires on the ticket. */
    public boolean fires(int index, TicketText ticket) {
        return dfas.get(index).fires(ticket, alphabet);
    }

    /** The enabled rules in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Number of product automata; the prefilter decides which of them a ticket needs. */
    public int groupCount() {
        return groups.length;
    }

    /** Total states over all product automata, a measure of memory use. */
    public long totalStates() {
        long total = 0;
        for (RuleGroup group : groups) {
            total += group.stateCount();
        }
        return total;
    }

    private MatchedSpan span(int index, TicketText ticket) {
        RuleDfas rule = dfas.get(index);
        for (TicketField field : TicketField.values()) {
            if (!rules.get(index).fields().contains(field)) {
                continue;
            }
            String text = ticket.field(field);
            int end = rule.pattern().firstMatchEnd(text, classOf);
            if (end >= 0) {
                int start = leftmostStart(rule.reversed(), text, end);
                return new MatchedSpan(field, start, end, text.substring(start, end));
            }
        }
        // Unreachable for a rule that fired: its pattern occurs in one of its fields.
        throw new IllegalStateException("rule " + rules.get(index).id() + " fired without a pattern match");
    }

    private int leftmostStart(Dfa reversed, String text, int end) {
        int state = 0;
        int start = end;
        for (int i = end - 1; i >= 0 && state >= 0; i--) {
            state = reversed.step(state, classOf[text.charAt(i)]);
            if (reversed.accepts(state)) {
                start = i;
            }
        }
        return start;
    }
}
