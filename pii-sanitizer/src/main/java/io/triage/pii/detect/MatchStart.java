package io.triage.pii.detect;

/**
 * Where a pattern's match can start: a cheap character test that {@link PatternDetector} runs at every position
 * before it lets the regex engine try one. It must accept every position where the pattern can match (it may
 * accept more), so the findings are exactly those of {@code Matcher.find()}; it only saves the engine's attempts
 * at positions where no match can begin, which were most of the cost of scanning a ticket with many patterns.
 */
@FunctionalInterface
public interface MatchStart {

    /** Every position: the pattern is scanned with {@code find()} as usual. */
    MatchStart ANYWHERE = (text, index) -> true;

    /** An ASCII digit not preceded by one: patterns that start with {@code \d} behind a look-behind on digits. */
    MatchStart DIGIT_RUN = (text, index) -> isDigit(text.charAt(index)) && !(index > 0
            && isDigit(text.charAt(index - 1)));

    /** Whether a match of the pattern can start at {@code index}. */
    boolean test(CharSequence text, int index);

    /**
     * A letter from {@code firstLetters} (either case) not preceded by an ASCII letter or digit: patterns that start
     * with {@code \b} and a keyword alternation.
     */
    static MatchStart wordStartingWith(String firstLetters) {
        return (text, index) -> {
            char c = text.charAt(index);
            return firstLetters.indexOf(Character.toLowerCase(c)) >= 0 && !(index > 0
                    && isAsciiLetterOrDigit(text.charAt(index - 1)));
        };
    }

    /**
     * A word (not preceded by an ASCII letter or digit) whose first two characters, in lower case, are one of
     * {@code prefixes}: patterns that start with {@code \b} and an alternation of longer keywords.
     */
    static MatchStart wordStartingWithAnyOf(String... prefixes) {
        int[] keys = new int[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            keys[i] = prefixes[i].charAt(0) << 16 | prefixes[i].charAt(1);
        }
        return (text, index) -> {
            if (index + 1 >= text.length() || index > 0 && isAsciiLetterOrDigit(text.charAt(index - 1))) {
                return false;
            }
            int key = Character.toLowerCase(text.charAt(index)) << 16 | Character.toLowerCase(text.charAt(index + 1));
            for (int candidate : keys) {
                if (candidate == key) {
                    return true;
                }
            }
            return false;
        };
    }

    static boolean isDigitCode(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c);
    }

    /** Number of ASCII digits in {@code text}: most detectors need several and skip texts with fewer. */
    static int countDigits(CharSequence text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits;
    }
}
