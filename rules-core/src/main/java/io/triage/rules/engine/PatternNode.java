package io.triage.rules.engine;

import java.util.List;

/** The parsed form of a rule pattern in the supported regex subset. */
sealed interface PatternNode {

    /** One character out of a set. */
    record Chars(CharRanges set) implements PatternNode {
    }

    /** The parts one after another. */
    record Sequence(List<PatternNode> parts) implements PatternNode {
    }

    /** Any one of the alternatives. */
    record Alternation(List<PatternNode> alternatives) implements PatternNode {
    }

    /** The body repeated between {@code min} and {@code max} times; {@code max} is -1 for unbounded. */
    record Repeat(PatternNode body, int min, int max) implements PatternNode {
    }

    /** A literal text, matched character by character. */
    static PatternNode literal(String text) {
        return new Sequence(text.chars().<PatternNode>mapToObj(c -> new Chars(CharRanges.single(c))).toList());
    }
}
