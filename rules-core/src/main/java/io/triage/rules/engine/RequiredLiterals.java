package io.triage.rules.engine;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds, for a pattern, a set of lowercase literals of which every match must contain at least one; the prefilter
 * skips a rule when none of them occurs. Returns null when no useful set exists (e.g. {@code .*} or {@code \w+}).
 */
final class RequiredLiterals {

    private static final int MAX_STRINGS = 64;
    private static final int MAX_LENGTH = 24;
    private static final int MAX_CLASS_SIZE = 4;

    private RequiredLiterals() {
    }

    /** Literals of which every match contains one, or null. */
    static @Nullable Set<String> of(PatternNode node) {
        Info info = info(node);
        Set<String> best = info.exact() != null ? info.exact() : info.required();
        return best == null || best.isEmpty() || best.contains("") ? null : best;
    }

    /** The better of two candidate sets: longer shortest literal first, then fewer literals. */
    static @Nullable Set<String> better(@Nullable Set<String> a, @Nullable Set<String> b) {
        if (a == null || a.contains("")) {
            return b;
        }
        if (b == null || b.contains("")) {
            return a;
        }
        Comparator<Set<String>> quality = Comparator.<Set<String>>comparingInt(RequiredLiterals::shortest)
                .thenComparing(Set::size, Comparator.reverseOrder());
        return quality.compare(a, b) >= 0 ? a : b;
    }

    private static int shortest(Set<String> set) {
        return set.stream().mapToInt(String::length).min().orElse(0);
    }

    /** exact: the node's whole (finite) language; required: a necessary literal set. Either may be null. */
    private record Info(@Nullable Set<String> exact, @Nullable Set<String> required) {
    }

    private static Info info(PatternNode node) {
        return switch (node) {
            case PatternNode.Chars chars -> new Info(charStrings(chars.set()), null);
            case PatternNode.Sequence seq -> sequence(seq.parts());
            case PatternNode.Alternation alt -> alternation(alt.alternatives());
            case PatternNode.Repeat rep -> repeat(rep);
        };
    }

    private static @Nullable Set<String> charStrings(CharRanges set) {
        int[] bounds = set.caseFolded().bounds();
        Set<String> chars = new LinkedHashSet<>();
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i + 1] - bounds[i] > 2 * MAX_CLASS_SIZE) {
                return null;
            }
            for (int c = bounds[i]; c <= bounds[i + 1]; c++) {
                chars.add(String.valueOf((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)));
            }
        }
        return chars.size() <= MAX_CLASS_SIZE ? chars : null;
    }

    private static Info sequence(List<PatternNode> parts) {
        Set<String> run = Set.of("");
        Set<String> best = null;
        boolean allExact = true;
        for (PatternNode part : parts) {
            Info info = info(part);
            Set<String> product = info.exact() == null ? null : product(run, info.exact());
            if (product != null) {
                run = product;
                continue;
            }
            best = better(best, run);
            if (info.exact() != null) {
                run = info.exact();
            } else {
                allExact = false;
                best = better(best, info.required());
                run = Set.of("");
            }
        }
        return allExact && best == null ? new Info(run, null) : new Info(null, better(best, run));
    }

    private static @Nullable Set<String> product(Set<String> left, Set<String> right) {
        if ((long) left.size() * right.size() > MAX_STRINGS) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String l : left) {
            for (String r : right) {
                if (l.length() + r.length() > MAX_LENGTH) {
                    return null;
                }
                out.add(l + r);
            }
        }
        return out;
    }

    private static Info alternation(List<PatternNode> alternatives) {
        Set<String> exact = new HashSet<>();
        Set<String> required = new HashSet<>();
        for (PatternNode alternative : alternatives) {
            Info info = info(alternative);
            Set<String> own = info.exact() != null ? info.exact() : info.required();
            if (own == null) {
                return new Info(null, null);
            }
            if (exact != null && info.exact() != null) {
                exact.addAll(info.exact());
            } else {
                exact = null;
            }
            required.addAll(own);
        }
        if (exact != null && exact.size() <= MAX_STRINGS) {
            return new Info(exact, null);
        }
        return new Info(null, required.size() <= MAX_STRINGS ? required : null);
    }

    private static Info repeat(PatternNode.Repeat rep) {
        if (rep.max() == 0) {
            return new Info(Set.of(""), null);
        }
        Info body = info(rep.body());
        if (rep.min() == 0) {
            if (rep.max() == 1 && body.exact() != null) {
                Set<String> optional = new HashSet<>(body.exact());
                optional.add("");
                return new Info(optional, null);
            }
            return new Info(null, null);
        }
        Set<String> required = body.exact() != null ? body.exact() : body.required();
        if (body.exact() != null && rep.min() == rep.max()) {
            Set<String> exact = Set.of("");
            for (int i = 0; i < rep.min() && exact != null; i++) {
                exact = product(exact, body.exact());
            }
            if (exact != null) {
                return new Info(exact, null);
            }
        }
        return new Info(null, required);
    }
}
