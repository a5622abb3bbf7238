package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.BasicOperations;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds brics automata for rule parts. Each field of a ticket is scanned separately, so a pattern never spans two
 * fields, while {@code .} matches every character (line breaks included, like the JDK's {@code DOTALL}).
 */
final class Automata {

    private Automata() {
    }

    /** The pattern's language, ASCII case-folded, as a minimal DFA built within {@code budget}. */
    static Automaton of(PatternNode node, CompileLimits.Budget budget, String what) {
        return Determinizer.minimal(build(node), budget, what);
    }

    /** Size of the pattern with bounded repetitions expanded: the order of its nondeterministic automaton's size. */
    static long expandedSize(PatternNode node) {
        return switch (node) {
            case PatternNode.Chars chars -> 1;
            case PatternNode.Sequence seq -> seq.parts().stream().mapToLong(Automata::expandedSize).sum();
            case PatternNode.Alternation alt -> alt.alternatives().stream().mapToLong(Automata::expandedSize).sum();
            case PatternNode.Repeat rep -> expandedSize(rep.body()) * Math.max(1, Math.max(rep.min(), rep.max()));
        };
    }

    private static Automaton build(PatternNode node) {
        return switch (node) {
            case PatternNode.Chars chars -> chars(chars.set());
            case PatternNode.Sequence seq -> seq.parts().isEmpty() ? BasicAutomata.makeEmptyString()
                    : BasicOperations.concatenate(seq.parts().stream().map(Automata::build).toList());
            case PatternNode.Alternation alt -> BasicOperations.union(alt.alternatives().stream()
                    .map(Automata::build).toList());
            case PatternNode.Repeat rep -> rep.max() < 0 ? build(rep.body()).repeat(rep.min())
                    : build(rep.body()).repeat(rep.min(), rep.max());
        };
    }

    /** Texts that end with a match of {@code pattern}: scanning a field, it accepts wherever a match ends. */
    static Automaton endsWithMatch(Automaton pattern, CompileLimits.Budget budget, String what) {
        return Determinizer.minimal(BasicAutomata.makeAnyString().concatenate(pattern), budget,
                "scan automaton of " + what);
    }

    private static Automaton chars(CharRanges set) {
        int[] bounds = set.caseFolded().bounds();
        List<Automaton> ranges = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            ranges.add(BasicAutomata.makeCharRange((char) bounds[i], (char) bounds[i + 1]));
        }
        return ranges.isEmpty() ? BasicAutomata.makeEmpty() : BasicOperations.union(ranges);
    }

    /** The pattern read backwards, for finding where a match starts. */
    static PatternNode reversed(PatternNode node) {
        return switch (node) {
            case PatternNode.Chars chars -> chars;
            case PatternNode.Sequence seq -> new PatternNode.Sequence(
                    seq.parts().reversed().stream().map(Automata::reversed).toList());
            case PatternNode.Alternation alt -> new PatternNode.Alternation(
                    alt.alternatives().stream().map(Automata::reversed).toList());
            case PatternNode.Repeat rep -> new PatternNode.Repeat(reversed(rep.body()), rep.min(), rep.max());
        };
    }
}
