package io.triage.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the supported subset of {@code java.util.regex} syntax: literals and escapes, {@code .}, classes
 * ({@code [a-z]}, {@code [^...]}, {@code \d \w \s} and their negations), groups ({@code (...)}, {@code (?:...)},
 * {@code (?<name>...)}), alternation, and the quantifiers {@code * + ? {n} {n,} {n,m}} (lazy forms allowed: they do not
 * change whether a rule fires). Rejected with a reason: anchors and word boundaries, look-around, back-references,
 * possessive quantifiers, inline flags, Unicode properties, class intersections, bounds above {@value #MAX_BOUND}.
 */
final class PatternParser {

    // Larger bounds make the DFA track every position in the window (exponential states); write
    // "[^.]*" (within a sentence) instead of ".{0,40}".
    static final int MAX_BOUND = 20;

    private final String source;
    private final int maxDepth;
    private int pos;
    private int depth;

    private PatternParser(String source, int maxDepth) {
        this.source = source;
        this.maxDepth = maxDepth;
    }

    /** Parses a regex whose groups nest at most {@code maxDepth} deep (the parser recurses once per level). */
    static PatternNode parseRegex(String regex, int maxDepth) {
        PatternParser parser = new PatternParser(regex, maxDepth);
        PatternNode node = parser.alternation();
        if (parser.pos < regex.length()) {
            throw parser.error("unmatched ')'");
        }
        return node;
    }

    private PatternNode alternation() {
        List<PatternNode> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (peek('|')) {
            pos++;
            alternatives.add(sequence());
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : new PatternNode.Alternation(alternatives);
    }

    private PatternNode sequence() {
        List<PatternNode> parts = new ArrayList<>();
        while (pos < source.length() && !peek('|') && !peek(')')) {
            parts.add(quantified(atom()));
        }
        return parts.size() == 1 ? parts.getFirst() : new PatternNode.Sequence(parts);
    }

    private PatternNode quantified(PatternNode atom) {
        PatternNode node = atom;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            int min;
            int max;
            if (c == '*' || c == '+' || c == '?') {
                pos++;
                min = c == '+' ? 1 : 0;
                max = c == '?' ? 1 : -1;
            } else if (c == '{') {
                int[] bounds = bounds();
                min = bounds[0];
                max = bounds[1];
            } else {
                return node;
            }
            if (peek('+')) {
                throw error("possessive quantifiers are not supported");
            }
            if (peek('?')) {
                pos++;
            }
            node = new PatternNode.Repeat(node, min, max);
        }
        return node;
    }

    private int[] bounds() {
        int start = pos++;
        int min = number();
        int max = min;
        if (peek(',')) {
            pos++;
            max = peek('}') ? -1 : number();
        }
        if (!peek('}')) {
            throw new UnsupportedPatternException("malformed repetition {n,m}", start);
        }
        pos++;
        if (min > MAX_BOUND || max > MAX_BOUND) {
            throw new UnsupportedPatternException("repetition bounds above " + MAX_BOUND + " are not supported", start);
        }
        if (max >= 0 && max < min) {
            throw new UnsupportedPatternException("repetition {n,m} with m < n", start);
        }
        return new int[] {min, max};
    }

    private int number() {
        int start = pos;
        while (pos < source.length() && Character.isDigit(source.charAt(pos)) && pos - start < 6) {
            pos++;
        }
        if (start == pos) {
            throw error("number expected in repetition");
        }
        return Integer.parseInt(source.substring(start, pos));
    }

    private PatternNode atom() {
        char c = source.charAt(pos);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                return new PatternNode.Chars(charClass());
            }
            case '.' -> {
                pos++;
                return new PatternNode.Chars(CharRanges.ALL);
            }
            case '\\' -> {
                return escape(false);
            }
            case '^', '$' -> throw error("anchors (^, $) are not supported; rules match anywhere in a field");
            case '*', '+', '?', '{' -> throw error("quantifier '" + c + "' without anything to repeat");
            default -> {
                pos++;
                return new PatternNode.Chars(CharRanges.single(c));
            }
        }
    }

    private PatternNode group() {
        int start = pos++;
        if (++depth > maxDepth) {
            throw new PatternTooComplexException("groups nest deeper than " + maxDepth + " at index " + start);
        }
        if (peek('?')) {
            pos++;
            if (peek(':')) {
                pos++;
            } else if (peek('<') && pos + 1 < source.length() && Character.isLetter(source.charAt(pos + 1))) {
                int close = source.indexOf('>', pos);
                if (close < 0) {
                    throw error("unterminated group name");
                }
                pos = close + 1;
            } else {
                throw new UnsupportedPatternException(
                        "look-around, inline flags and other (?...) constructs are not supported", start);
            }
        }
        PatternNode body = alternation();
        if (!peek(')')) {
            throw new UnsupportedPatternException("unclosed group", start);
        }
        pos++;
        depth--;
        return body;
    }

    private PatternNode escape(boolean inClass) {
        int start = pos;
        pos++;
        if (pos >= source.length()) {
            throw error("trailing backslash");
        }
        char c = source.charAt(pos++);
        if (c == 'Q') {
            if (inClass) {
                throw new UnsupportedPatternException("\\Q inside a class is not supported", start);
            }
            int end = source.indexOf("\\E", pos);
            String quoted = source.substring(pos, end < 0 ? source.length() : end);
            pos = end < 0 ? source.length() : end + 2;
            return PatternNode.literal(quoted);
        }
        CharRanges set = switch (c) {
            case 'd' -> CharRanges.DIGITS;
            case 'D' -> CharRanges.DIGITS.complement();
            case 'w' -> CharRanges.WORD;
            case 'W' -> CharRanges.WORD.complement();
            case 's' -> CharRanges.SPACE;
            case 'S' -> CharRanges.SPACE.complement();
            case 't' -> CharRanges.single('\t');
            case 'n' -> CharRanges.single('\n');
            case 'r' -> CharRanges.single('\r');
            case 'f' -> CharRanges.single('\f');
            case 'a' -> CharRanges.single(7);
            case 'e' -> CharRanges.single(27);
            case 'x' -> CharRanges.single(hex(2));
            case 'u' -> CharRanges.single(hex(4));
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> throw new UnsupportedPatternException(
                    "boundary \\" + c + " is not supported", start);
            case 'p', 'P' -> throw new UnsupportedPatternException("Unicode classes \\" + c + " are not supported",
                    start);
            case 'k' -> throw new UnsupportedPatternException("back-references are not supported", start);
            default -> {
                if (Character.isDigit(c)) {
                    throw new UnsupportedPatternException("back-references are not supported", start);
                }
                if (Character.isLetter(c)) {
                    throw new UnsupportedPatternException("unknown escape \\" + c, start);
                }
                yield CharRanges.single(c);
            }
        };
        return new PatternNode.Chars(set);
    }

    private int hex(int digits) {
        if (pos + digits > source.length()) {
            throw error("incomplete hex escape");
        }
        try {
            int value = Integer.parseInt(source.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw error("invalid hex escape");
        }
    }

    private CharRanges charClass() {
        int start = pos++;
        boolean negated = peek('^');
        if (negated) {
            pos++;
        }
        CharRanges set = new CharRanges(new int[0]);
        boolean first = true;
        while (true) {
            if (pos >= source.length()) {
                throw new UnsupportedPatternException("unclosed character class", start);
            }
            char c = source.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            if (c == '[' || (c == '&' && pos + 1 < source.length() && source.charAt(pos + 1) == '&')) {
                throw error("nested classes and class intersections are not supported");
            }
            if (c == ']') {
                throw error("empty character class");
            }
            first = false;
            set = set.union(classItem());
        }
        return negated ? set.caseFolded().complement() : set;
    }

    private CharRanges classItem() {
        int from = classChar();
        if (from < 0) {
            return ((PatternNode.Chars) escape(true)).set();
        }
        if (peek('-') && pos + 1 < source.length() && source.charAt(pos + 1) != ']') {
            int dash = pos++;
            int to = classChar();
            if (to < 0) {
                throw new UnsupportedPatternException("a range cannot end in a class shorthand", dash);
            }
            if (to < from) {
                throw new UnsupportedPatternException("illegal character range", dash);
            }
            return CharRanges.range(from, to);
        }
        return CharRanges.single(from);
    }

    /** A single class character, or -1 (position unchanged) if a multi-character escape like \d follows. */
    private int classChar() {
        char c = source.charAt(pos);
        if (c != '\\') {
            pos++;
            return c;
        }
        if (pos + 1 < source.length() && "dDwWsS".indexOf(source.charAt(pos + 1)) >= 0) {
            return -1;
        }
        PatternNode.Chars escaped = (PatternNode.Chars) escape(true);
        return escaped.set().bounds()[0];
    }

    private boolean peek(char c) {
        return pos < source.length() && source.charAt(pos) == c;
    }

    private UnsupportedPatternException error(String reason) {
        return new UnsupportedPatternException(reason, pos);
    }
}
