package io.triage.rules.ruleset;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One routing rule. It fires on a ticket when, within the selected fields, its pattern occurs, at least one of its
 * keywords occurs (if it has any), and none of its exclude patterns occurs. Matching is case-insensitive (ASCII).
 *
 * @param id          unique id, e.g. {@code R001}
 * @param description what the rule is for (free text)
 * @param pattern     a literal phrase, or a regular expression when {@code regex} is true
 * @param regex       whether {@code pattern} and {@code exclude} entries are regular expressions
 * @param keywords    literal words of which at least one must also occur (empty: no extra condition)
 * @param exclude     patterns (literal or regex, as {@code regex} says) that veto the rule when they occur
 * @param fields      the ticket fields the rule looks at
 * @param department  department the rule routes to
 * @param urgency     urgency the rule assigns
 * @param confidence  confidence of a match, in [0, 1]
 * @param enabled     disabled rules never fire
 * @param at          where the rule starts in the YAML
 * @param patternAt   where the pattern is in the YAML
 */
public record Rule(
        String id,
        String description,
        String pattern,
        boolean regex,
        List<String> keywords,
        List<String> exclude,
        Set<TicketField> fields,
        String department,
        String urgency,
        double confidence,
        boolean enabled,
        Location at,
        Location patternAt) {

    /** Confidence of a literal rule that does not state one. */
    public static final double DEFAULT_LITERAL_CONFIDENCE = 1.0;
    /** Confidence of a regex rule that does not state one. */
    public static final double DEFAULT_REGEX_CONFIDENCE = 0.9;
    /** Fields looked at when a rule does not say. */
    public static final Set<TicketField> DEFAULT_FIELDS = Set.of(TicketField.SUBJECT, TicketField.DESCRIPTION);

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        keywords = List.copyOf(keywords);
        exclude = List.copyOf(exclude);
        fields = Set.copyOf(fields);
        at = at == null ? Location.UNKNOWN : at;
        patternAt = patternAt == null ? Location.UNKNOWN : patternAt;
    }

    /** A rule with defaults for everything but the essentials; for tests and generated rule sets. */
    public static Rule of(String id, String pattern, boolean regex, String department) {
        return new Rule(id, "", pattern, regex, List.of(), List.of(), DEFAULT_FIELDS, department, "Medium",
                regex ? DEFAULT_REGEX_CONFIDENCE : DEFAULT_LITERAL_CONFIDENCE, true, Location.UNKNOWN,
                Location.UNKNOWN);
    }

    /** A copy with other keywords and excludes. */
    public Rule withConditions(List<String> newKeywords, List<String> newExclude) {
        return new Rule(id, description, pattern, regex, newKeywords, newExclude, fields, department, urgency,
                confidence, enabled, at, patternAt);
    }

    /** A copy looking at other fields. */
    public Rule withFields(Set<TicketField> newFields) {
        return new Rule(id, description, pattern, regex, keywords, exclude, newFields, department, urgency,
                confidence, enabled, at, patternAt);
    }
}
