package io.triage.rules.engine;

import io.triage.rules.ruleset.InvalidRuleSetException;
import io.triage.rules.ruleset.RuleSetProblem;
import java.util.List;

/** A rule set that parsed but cannot be compiled: invalid or unsupported patterns. */
public final class RuleSetCompilationException extends InvalidRuleSetException {

    private final boolean tooComplex;

    RuleSetCompilationException(List<RuleSetProblem> problems) {
        this(problems, false);
    }

    RuleSetCompilationException(List<RuleSetProblem> problems, boolean tooComplex) {
        super(problems.size() + " rule(s) cannot be compiled: " + problems.getFirst().message(), problems);
        this.tooComplex = tooComplex;
    }

    /** Whether a rule exceeded a {@link CompileLimits} bound (a resource limit rather than a syntax error). */
    public boolean tooComplex() {
        return tooComplex;
    }
}
