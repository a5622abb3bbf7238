package io.triage.platform.erasure;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Ids of erased records that other records still name (a decision's similar tickets, an explanation's summary): the
 * services keep those records, which belong to other customers, and replace the id in them by {@link #ERASED}.
 */
public final class ErasedReferences {

    /** What an erased id is replaced by. */
    public static final String ERASED = "erased";

    private ErasedReferences() {
    }

    /**
     * A Postgres regular expression (ARE) matching any of the ids literally and whole: not inside a longer id, so
     * erasing {@code T-1} leaves {@code T-12} alone. Use with {@code ~} and {@code regexp_replace(…, 'g')}.
     */
    public static String pattern(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no ids");
        }
        return ids.stream().map(ErasedReferences::literal)
                .collect(Collectors.joining("|", "(?<![[:alnum:]_-])(", ")(?![[:alnum:]_-])"));
    }

    private static String literal(String id) {
        StringBuilder quoted = new StringBuilder(id.length() + 8);
        for (char c : id.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }
}
