package io.triage.pii;

import java.util.List;

/**
 * The result of sanitising one text.
 *
 * @param text     the normalised text with every finding replaced by its placeholder or pseudonym
 * @param findings what was replaced, in text order; raw values only if explicitly requested
 */
public record SanitizedText(String text, List<Finding> findings) {

    /** The result for empty or absent input. */
    public static final SanitizedText EMPTY = new SanitizedText("", List.of());

    public SanitizedText {
        findings = List.copyOf(findings);
    }
}
