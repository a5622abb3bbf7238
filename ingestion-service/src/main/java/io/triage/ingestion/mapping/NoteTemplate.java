package io.triage.ingestion.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The internal note's template: text with {@code {placeholder}}s filled from the decision. The decision's marker is
 * appended by the planner, never by the template, so no template can leave it out.
 */
public final class NoteTemplate {

    /** Every placeholder a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("level", "department", "urgency", "sentiment", "method",
            "confidence", "rule", "neighbours", "model", "alternatives", "candidates", "decision");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]*)}");

    private static final String WHY = "\nWhy: rule {rule}; similar tickets {neighbours}; model {model}.";
    private static final String SUGGEST_NOTE = "Auto-triage suggests department {department} and urgency {urgency} "
            + "({method}, confidence {confidence}). No field was changed: set them if you agree." + WHY;
    private static final String PRESELECT_NOTE = "Auto-triage pre-selected department {department} and urgency {urgency} "
            + "({method}, confidence {confidence}). This is a suggestion: please confirm or correct it." + WHY;
    private static final String AUTOMATE_NOTE = "Auto-triage set department {department} and urgency {urgency} "
            + "({method}, confidence {confidence})." + WHY;
    private static final String REVIEW_NOTE = "Auto-triage could not decide with confidence: a human must decide. "
            + "Top candidates: {candidates}." + WHY;

    private NoteTemplate() {
    }

    /** The template a level uses when the mapping has none. */
    public static String defaultFor(WriteBackLevel level) {
        return switch (level) {
            case SUGGEST -> SUGGEST_NOTE;
            case PRESELECT -> PRESELECT_NOTE;
            case AUTOMATE -> AUTOMATE_NOTE;
            case REVIEW -> REVIEW_NOTE;
        };
    }

    /** The placeholders in {@code template} that are not {@link #PLACEHOLDERS}, with their offsets, in order. */
    static List<Map.Entry<Integer, String>> unknownPlaceholders(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        return m.results().filter(r -> !PLACEHOLDERS.contains(r.group(1)))
                .map(r -> Map.entry(r.start(), r.group(1))).toList();
    }

    /** The template with each placeholder replaced by its value. */
    static String render(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(
                r -> Matcher.quoteReplacement(values.getOrDefault(r.group(1), r.group())));
    }
}
