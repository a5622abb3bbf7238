package io.triage.rules.ruleset;

import org.jspecify.annotations.Nullable;

/**
 * Something wrong with a rule set, pointing at where it is.
 *
 * @param line    1-based line in the YAML, 0 when unknown
 * @param column  1-based column in the YAML, 0 when unknown
 * @param field   path of the offending field, e.g. {@code rules[2].confidence}
 * @param ruleId  id of the rule concerned, or null
 * @param message what is wrong, for an analyst
 */
public record RuleSetProblem(int line, int column, String field, @Nullable String ruleId, String message) {

    /** A problem at a location. */
    public static RuleSetProblem at(Location location, String field, @Nullable String ruleId, String message) {
        return new RuleSetProblem(location.line(), location.column(), field, ruleId, message);
    }
}
