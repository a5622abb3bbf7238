package io.triage.rules.ruleset;

import java.util.List;

/**
 * A rule set that cannot be used, with every problem found and where it is. Thrown by
 * {@link RuleSetParseResult#ruleSetOrThrow()} for YAML that is not a well-formed rule set, and (as
 * {@code RuleSetCompilationException}) for rules whose patterns cannot be compiled.
 */
public class InvalidRuleSetException extends RuntimeException {

    private final List<RuleSetProblem> problems;

    /** @param problems at least one */
    public InvalidRuleSetException(String message, List<RuleSetProblem> problems) {
        super(message);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid rule set has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<RuleSetProblem> problems() {
        return problems;
    }
}
