package io.triage.classify.model;

import java.util.Locale;

/**
 * Splits a text into the n-grams the vectoriser counts — word n-grams and character n-grams inside space-padded
 * words (so a misspelt word still shares most features with the right one) — as 64-bit FNV-1a hashes, without
 * creating a string per n-gram. The hash of an n-gram equals {@link #hash(String)} of its canonical name (word
 * n-grams: words joined by one space, prefixed {@code w:}; character n-grams prefixed {@code c:}), which is how a
 * stored vocabulary is indexed again.
 */
final class Ngrams {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private final FeatureSettings settings;

    Ngrams(FeatureSettings settings) {
        this.settings = settings;
    }

    /** Receives each n-gram occurrence; {@code name} builds its canonical name on demand. */
    interface Sink {
        void accept(long hash, NameSource name);
    }

    /** Builds the canonical name of the n-gram just reported (only needed for new vocabulary entries). */
    interface NameSource {
        String name();
    }

    void each(String text, Sink sink) {
        char[] lower = text.toLowerCase(Locale.ROOT).toCharArray();
        int[] starts = new int[lower.length / 2 + 1];
        int[] ends = new int[lower.length / 2 + 1];
        int words = 0;
        for (int i = 0; i < lower.length; ) {
            while (i < lower.length && !Character.isLetterOrDigit(lower[i])) {
                i++;
            }
            int start = i;
            while (i < lower.length && Character.isLetterOrDigit(lower[i])) {
                i++;
            }
            if (i > start) {
                starts[words] = start;
                ends[words++] = i;
            }
        }
        wordGrams(lower, starts, ends, words, sink);
        for (int w = 0; w < words; w++) {
            charGrams(lower, starts[w], ends[w], sink);
        }
    }

    private void wordGrams(char[] lower, int[] starts, int[] ends, int words, Sink sink) {
        for (int n = settings.wordMin(); n <= settings.wordMax(); n++) {
            for (int first = 0; first + n <= words; first++) {
                long h = mix(mix(OFFSET, 'w'), ':');
                for (int w = first; w < first + n; w++) {
                    if (w > first) {
                        h = mix(h, ' ');
                    }
                    for (int i = starts[w]; i < ends[w]; i++) {
                        h = mix(h, lower[i]);
                    }
                }
                int from = first;
                int count = n;
                sink.accept(nonZero(h), () -> wordName(lower, starts, ends, from, count));
            }
        }
    }

    private void charGrams(char[] lower, int start, int end, Sink sink) {
        int padded = end - start + 2;
        for (int n = settings.charMin(); n <= settings.charMax(); n++) {
            for (int i = 0; i + n <= padded; i++) {
                long h = mix(mix(OFFSET, 'c'), ':');
                for (int j = i; j < i + n; j++) {
                    h = mix(h, paddedChar(lower, start, end, j));
                }
                int from = i;
                int length = n;
                sink.accept(nonZero(h), () -> {
                    StringBuilder name = new StringBuilder("c:");
                    for (int j = from; j < from + length; j++) {
                        name.append(paddedChar(lower, start, end, j));
                    }
                    return name.toString();
                });
            }
        }
    }

    private static char paddedChar(char[] lower, int start, int end, int j) {
        return j == 0 || j == end - start + 1 ? ' ' : lower[start + j - 1];
    }

    private static String wordName(char[] lower, int[] starts, int[] ends, int first, int count) {
        StringBuilder name = new StringBuilder("w:");
        for (int w = first; w < first + count; w++) {
            if (w > first) {
                name.append(' ');
            }
            name.append(lower, starts[w], ends[w] - starts[w]);
        }
        return name.toString();
    }

    /** The hash of a canonical n-gram name, as {@link #each} reports it. */
    static long hash(String name) {
        long h = OFFSET;
        for (int i = 0; i < name.length(); i++) {
            h = mix(h, name.charAt(i));
        }
        return nonZero(h);
    }

    /** 0 marks an empty slot in {@link LongIntMap}; one hash in 2^64 moves to 1. */
    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, char c) {
        return (h ^ c) * PRIME;
    }
}
