package io.triage.rules.engine;

import io.triage.rules.ruleset.TicketField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Consecutive rules compiled into one product automaton: a single scan of each field runs every part (pattern,
 * keywords, excludes) of every rule at once. Each state knows which parts have a match ending there; the scan ORs
 * those bits together, and the first rule whose bits say "fires" wins.
 */
final class RuleGroup {

    /** Most parts per group: their match bits must fit in one {@code long}. */
    static final int MAX_PARTS = Long.SIZE;

    /** {@code table[offset + class]}: next state's offset ({@code state * classes}), negative if it has matches. */
    private final int[] table;
    private final long[] matchesAt;
    private final int classes;
    private final long[] partsOfField;
    private final int[] rules;
    private final long[] patternBit;
    private final long[] keywordBit;
    private final long[] excludeBit;

    private RuleGroup(int[] table, long[] matchesAt, int classes, long[] partsOfField, int[] rules, long[][] bits) {
        this.table = table;
        this.matchesAt = matchesAt;
        this.classes = classes;
        this.partsOfField = partsOfField;
        this.rules = rules;
        this.patternBit = bits[0];
        this.keywordBit = bits[1];
        this.excludeBit = bits[2];
    }

    /** Number of automaton parts the rules need (pattern, plus keywords and excludes when present). */
    static int parts(RuleDfas rule) {
        return 1 + (rule.keywords() == null ? 0 : 1) + (rule.excludes() == null ? 0 : 1);
    }

    /**
     * Builds the product of the rules' automata, or returns null when it would exceed {@code maxStates}.
     *
     * @param ruleIndices indices (in rule order) of the rules in this group; at most {@link #MAX_PARTS} parts
     */
    static @Nullable RuleGroup build(int[] ruleIndices, List<RuleDfas> rules, Alphabet alphabet, int maxStates) {
        List<Dfa> parts = new ArrayList<>();
        long[][] bits = new long[3][ruleIndices.length];
        long[] partsOfField = new long[TicketField.values().length];
        for (int r = 0; r < ruleIndices.length; r++) {
            RuleDfas dfas = rules.get(ruleIndices[r]);
            long ruleParts = 0;
            @Nullable Dfa[] own = {dfas.pattern(), dfas.keywords(), dfas.excludes()};
            for (int kind = 0; kind < own.length; kind++) {
                if (own[kind] != null) {
                    bits[kind][r] = 1L << parts.size();
                    ruleParts |= bits[kind][r];
                    parts.add(own[kind]);
                }
            }
            for (TicketField field : dfas.rule().fields()) {
                partsOfField[field.ordinal()] |= ruleParts;
            }
        }
        int classes = alphabet.size();
        Map<Tuple, Integer> index = new HashMap<>();
        List<int[]> states = new ArrayList<>();
        int[] initial = new int[parts.size()];
        index.put(new Tuple(initial), 0);
        states.add(initial);
        List<int[]> rows = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            int[] current = states.get(s);
            int[] row = new int[classes];
            for (int cls = 0; cls < classes; cls++) {
                int[] next = new int[current.length];
                for (int c = 0; c < next.length; c++) {
                    next[c] = parts.get(c).step(current[c], cls);
                }
                Integer target = index.get(new Tuple(next));
                if (target == null) {
                    if (states.size() >= maxStates) {
                        return null;
                    }
                    target = states.size();
                    index.put(new Tuple(next), target);
                    states.add(next);
                }
                row[cls] = target;
            }
            rows.add(row);
        }
        long[] matchesAt = new long[states.size()];
        for (int s = 0; s < states.size(); s++) {
            for (int c = 0; c < parts.size(); c++) {
                if (parts.get(c).accepts(states.get(s)[c])) {
                    matchesAt[s] |= 1L << c;
                }
            }
        }
        int[] table = new int[states.size() * classes];
        for (int s = 0; s < states.size(); s++) {
            for (int cls = 0; cls < classes; cls++) {
                int target = rows.get(s)[cls];
                table[s * classes + cls] = matchesAt[target] == 0 ? target * classes : ~(target * classes);
            }
        }
        return new RuleGroup(table, matchesAt, classes, partsOfField, ruleIndices.clone(), bits);
    }

    /** The index of the first rule of this group that fires, or -1. */
    int evaluate(TicketText ticket, char[] classOf) {
        long found = 0;
        if (partsOfField[0] != 0) {
            found |= scan(ticket.subject(), classOf) & partsOfField[0];
        }
        if (partsOfField[1] != 0) {
            found |= scan(ticket.description(), classOf) & partsOfField[1];
        }
        if (partsOfField[2] != 0) {
            found |= scan(ticket.channel(), classOf) & partsOfField[2];
        }
        if (found == 0) {
            return -1;
        }
        for (int r = 0; r < rules.length; r++) {
            if ((found & patternBit[r]) != 0 && (keywordBit[r] == 0 || (found & keywordBit[r]) != 0)
                    && (found & excludeBit[r]) == 0) {
                return rules[r];
            }
        }
        return -1;
    }

    private long scan(String text, char[] classOf) {
        int[] t = table;
        long found = 0;
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            s = t[s + classOf[text.charAt(i)]];
            if (s < 0) {
                s = ~s;
                found |= matchesAt[s / classes];
            }
        }
        return found;
    }

    int stateCount() {
        return matchesAt.length;
    }

    /** A product state, hashable by content. */
    private record Tuple(int[] states) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tuple other && Arrays.equals(states, other.states);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(states);
        }
    }
}
