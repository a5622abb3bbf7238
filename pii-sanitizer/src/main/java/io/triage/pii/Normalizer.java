package io.triage.pii;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises sanitised text for downstream use: Unicode NFKC, lower case, contractions expanded and runs of
 * whitespace collapsed to one space. Placeholders such as {@code <EMAIL>} or {@code <PERSON_2>} survive intact.
 */
public final class Normalizer {

    /** Placeholders written by the sanitizer: upper-case kind, optional number or lower-case hex pseudonym. */
    static final Pattern PLACEHOLDER = Pattern.compile("<[A-Z][A-Z_]{1,20}(?:_[0-9a-f]{1,16})?>");

    private static final Pattern IRREGULAR = Pattern.compile("\\b(won't|can't|shan't|ain't|let's)\\b");
    /** Words whose "'s" means "is" (as the regex {@code \\b(it|that|…|how)'s\\b}), matched without a regex. */
    private static final Set<String> PRONOUNS = Set.of("it", "that", "what", "there", "he", "she", "where", "who",
            "here", "how");
    private static final Pattern SUFFIXES = Pattern.compile("(?<=\\p{L})(n't|'re|'ve|'ll|'d|'m)\\b");

    /** Returns the normalised form of {@code text}; never null. */
    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = nfkc(text);
        if (nfkc.indexOf('<') < 0) {
            return collapseWhitespace(normalizePlain(nfkc));
        }
        StringBuilder out = new StringBuilder(nfkc.length());
        Matcher placeholders = PLACEHOLDER.matcher(nfkc);
        int from = 0;
        while (placeholders.find()) {
            out.append(normalizePlain(nfkc.substring(from, placeholders.start())));
            out.append(placeholders.group());
            from = placeholders.end();
        }
        out.append(normalizePlain(nfkc.substring(from)));
        return collapseWhitespace(out);
    }

    /** NFKC form of {@code text}; ASCII text is its own NFKC form, which saves the normaliser's copy. */
    static String nfkc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    /** Runs of whitespace become one space, leading and trailing whitespace goes: as {@code \s+} and strip(). */
    private static String collapseWhitespace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        // strip() also removes what \s does not match at either end (U+2028, U+001C), as before.
        return out.toString().strip();
    }

    /** The characters of the regex class {@code \s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * "it's" → "it is" for the {@link #PRONOUNS}: the same text as {@code \\b(it|…)'s\\b} replaced by "$1 is", where
     * {@code \\b} is the ASCII word boundary of {@code \\w}. Most "'s" in tickets are possessives, and a regex tried
     * at every position cost more than the rest of the normalisation.
     */
    static String pronounIs(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int at = text.indexOf("'s"); at >= 0; at = text.indexOf("'s", at + 2)) {
            if (at + 2 < text.length() && isAsciiWordChar(text.charAt(at + 2))) {
                continue;
            }
            int wordStart = at;
            while (wordStart > 0 && isAsciiWordChar(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (at - wordStart < 2 || at - wordStart > 5 || !PRONOUNS.contains(text.substring(wordStart, at))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8);
            }
            out.append(text, copied, at).append(" is");
            copied = at + 2;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether the text holds "'re", "'ve", "'ll", "'d" or "'m" (the suffixes {@link #SUFFIXES} rewrites). */
    static boolean hasSuffix(String text) {
        for (int at = text.indexOf('\''); at >= 0 && at + 1 < text.length(); at = text.indexOf('\'', at + 1)) {
            char next = text.charAt(at + 1);
            if (next == 'd' || next == 'm' || at + 2 < text.length() && (next == 'r' && text.charAt(at + 2) == 'e'
                    || next == 'v' && text.charAt(at + 2) == 'e' || next == 'l' && text.charAt(at + 2) == 'l')) {
                return true;
            }
        }
        return false;
    }

    private static String normalizePlain(String segment) {
        if (segment.isEmpty()) {
            return segment;
        }
        String lower = segment.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
        if (lower.indexOf('\'') < 0) {
            return lower;
        }
        // Most apostrophes in tickets are possessives ("customer's"): each pass runs only when it can change text.
        boolean negation = lower.contains("n't");
        String expanded = lower;
        if (negation || lower.contains("let's")) {
            expanded = IRREGULAR.matcher(lower).replaceAll(m -> switch (m.group(1)) {
                case "won't" -> "will not";
                case "can't" -> "cannot";
                case "shan't" -> "shall not";
                case "ain't" -> "is not";
                default -> "let us";
            });
        }
        if (expanded.contains("'s")) {
            expanded = pronounIs(expanded);
        }
        if (!negation && !hasSuffix(expanded)) {
            return expanded;
        }
        return SUFFIXES.matcher(expanded).replaceAll(m -> switch (m.group(1)) {
            case "n't" -> " not";
            case "'re" -> " are";
            case "'ve" -> " have";
            case "'ll" -> " will";
            case "'d" -> " would";
            default -> " am";
        });
    }
}
