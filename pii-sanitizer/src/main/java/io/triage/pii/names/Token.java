package io.triage.pii.names;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of the text with its offsets.
 *
 * @param text  the word as written
 * @param key   its lower-case lookup key
 * @param start offset of its first character
 * @param end   offset just past it
 */
record Token(String text, String key, int start, int end) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['\u2019\\-][\\p{L}\\p{M}]+)*\\.?");

    /** The words of {@code text}; a trailing period is kept only on single-letter initials and titles. */
    static List<Token> words(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            int end = matcher.end();
            if (word.endsWith(".") && word.length() > 4) {
                word = word.substring(0, word.length() - 1);
                end--;
            }
            tokens.add(new Token(word, NameLists.key(word.endsWith(".") ? word.substring(0, word.length() - 1) : word),
                    matcher.start(), end));
        }
        return tokens;
    }

    /** Starts with an upper-case letter (title case or all capitals). */
    boolean capitalised() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    /** A single letter, optionally with a period: a middle initial. */
    boolean initial() {
        return key.length() == 1 && capitalised();
    }
}
