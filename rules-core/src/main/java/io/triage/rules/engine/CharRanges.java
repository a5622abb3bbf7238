package io.triage.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of UTF-16 code units as sorted, disjoint, non-adjacent inclusive ranges {@code [from, to]}.
 *
 * @param bounds flattened pairs: from0, to0, from1, to1, ...
 */
record CharRanges(int[] bounds) {

    static final int MAX = Character.MAX_VALUE;
    static final CharRanges ALL = new CharRanges(new int[] {0, MAX});
    static final CharRanges DIGITS = range('0', '9');
    static final CharRanges WORD = range('a', 'z').union(range('A', 'Z')).union(DIGITS).union(single('_'));
    static final CharRanges SPACE = single(' ').union(range('\t', '\r'));

    static CharRanges single(int c) {
        return range(c, c);
    }

    static CharRanges range(int from, int to) {
        return new CharRanges(new int[] {from, to});
    }

    CharRanges union(CharRanges other) {
        List<int[]> all = new ArrayList<>();
        for (CharRanges set : List.of(this, other)) {
            for (int i = 0; i < set.bounds.length; i += 2) {
                all.add(new int[] {set.bounds[i], set.bounds[i + 1]});
            }
        }
        all.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Integer> merged = new ArrayList<>();
        for (int[] r : all) {
            int last = merged.size() - 1;
            if (last > 0 && r[0] <= merged.get(last) + 1) {
                merged.set(last, Math.max(merged.get(last), r[1]));
            } else {
                merged.add(r[0]);
                merged.add(r[1]);
            }
        }
        return new CharRanges(merged.stream().mapToInt(Integer::intValue).toArray());
    }

    CharRanges complement() {
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                out.add(next);
                out.add(bounds[i] - 1);
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            out.add(next);
            out.add(MAX);
        }
        return new CharRanges(out.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Adds the other ASCII case of every ASCII letter, so that matching raw text with this set equals matching
     * ASCII-lowercased text with the JDK's {@code CASE_INSENSITIVE} flag.
     */
    CharRanges caseFolded() {
        CharRanges folded = this;
        for (int i = 0; i < bounds.length; i += 2) {
            folded = folded.union(shiftOverlap(bounds[i], bounds[i + 1], 'a', 'z', 'A' - 'a'));
            folded = folded.union(shiftOverlap(bounds[i], bounds[i + 1], 'A', 'Z', 'a' - 'A'));
        }
        return folded;
    }

    private static CharRanges shiftOverlap(int from, int to, int lo, int hi, int shift) {
        int a = Math.max(from, lo);
        int b = Math.min(to, hi);
        return a <= b ? range(a + shift, b + shift) : new CharRanges(new int[0]);
    }

    /** The one character of this set, ignoring ASCII case, or -1 if it holds more (lowercase when a letter). */
    int singleFoldedChar() {
        CharRanges folded = caseFolded();
        int size = 0;
        for (int i = 0; i < folded.bounds.length; i += 2) {
            size += folded.bounds[i + 1] - folded.bounds[i] + 1;
        }
        int first = folded.bounds.length == 0 ? -1 : folded.bounds[0];
        if (size == 1) {
            return first;
        }
        boolean letterPair = size == 2 && first >= 'A' && first <= 'Z' && folded.bounds.length == 4
                && folded.bounds[2] == first + ('a' - 'A');
        return letterPair ? first + ('a' - 'A') : -1;
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharRanges other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return Arrays.toString(bounds);
    }
}
