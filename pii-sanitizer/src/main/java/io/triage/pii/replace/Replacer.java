package io.triage.pii.replace;

import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import io.triage.pii.ReplacementMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes the replacement for every finding into a text, according to a {@link ReplacementMode}.
 * Thread-safe: numbering state lives only for the duration of one call.
 */
public final class Replacer {

    private final ReplacementMode mode;
    private final @Nullable Pseudonyms pseudonyms;

    private Replacer(ReplacementMode mode, @Nullable Pseudonyms pseudonyms) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.pseudonyms = pseudonyms;
    }

    /** A replacer for {@link ReplacementMode#PLACEHOLDER} or {@link ReplacementMode#NUMBERED}. */
    public static Replacer of(ReplacementMode mode) {
        if (mode == ReplacementMode.PSEUDONYM) {
            throw new IllegalArgumentException("PSEUDONYM mode needs a key: use Replacer.pseudonymous(key)");
        }
        return new Replacer(mode, null);
    }

    /** A replacer writing keyed pseudonyms. */
    public static Replacer pseudonymous(Pseudonyms pseudonyms) {
        return new Replacer(ReplacementMode.PSEUDONYM, Objects.requireNonNull(pseudonyms, "pseudonyms"));
    }

    /** The replacement mode in use. */
    public ReplacementMode mode() {
        return mode;
    }

    /**
     * Replaces the given non-overlapping findings, sorted by start, in {@code text}.
     */
    public String replace(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        Map<PiiType, Map<String, Integer>> numbers = new EnumMap<>(PiiType.class);
        int from = 0;
        for (Finding finding : findings) {
            out.append(text, from, finding.start());
            out.append(replacement(finding, text.substring(finding.start(), finding.end()), numbers));
            from = finding.end();
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private String replacement(Finding finding, String value, Map<PiiType, Map<String, Integer>> numbers) {
        PiiType type = finding.type();
        return switch (mode) {
            case PLACEHOLDER -> type.placeholder();
            case NUMBERED -> {
                Map<String, Integer> ofType = numbers.computeIfAbsent(type, t -> new HashMap<>());
                int number = ofType.computeIfAbsent(canonical(value), v -> ofType.size() + 1);
                yield "<" + type.name() + "_" + number + ">";
            }
            case PSEUDONYM -> "<" + type.name() + "_"
                    + Objects.requireNonNull(pseudonyms, "set in PSEUDONYM mode").pseudonym(type, canonical(value))
                    + ">";
        };
    }

    /** Same person written with different case or spacing is still the same person. */
    static String canonical(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
