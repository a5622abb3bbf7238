package io.triage.rules.engine;

import io.triage.rules.ruleset.RuleSetProblem;
import java.util.List;

/** A rule set that parsed but cannot be compiled: invalid or unsupported patterns. */
public final class RuleSetCompilationException extends RuntimeException {

    private final List<RuleSetProblem> problems;

    RuleSetCompilationException(List<RuleSetProblem> problems) {
        super(problems.size() + " rule(s) cannot be compiled: " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    /** Every rule that failed, with the field and the reason. */
    public List<RuleSetProblem> problems() {
        return problems;
    }
}
