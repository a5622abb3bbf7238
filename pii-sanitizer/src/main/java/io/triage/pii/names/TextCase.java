package io.triage.pii.names;

/**
 * How a text uses capitals: capitalisation is a name signal only in mixed-case text.
 */
enum TextCase {
    /** No upper-case letters: names are written in lower case too. */
    LOWER,
    /** Mostly capitals: every word looks like a name, so only listed names count. */
    UPPER,
    /** Ordinary text. */
    MIXED;

    static TextCase of(String text) {
        long upper = 0;
        long lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        if (upper == 0) {
            return LOWER;
        }
        return upper > lower ? UPPER : MIXED;
    }
}
