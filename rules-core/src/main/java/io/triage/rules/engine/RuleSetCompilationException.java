package io.triage.rules.engine;

import io.triage.rules.ruleset.InvalidRuleSetException;
import io.triage.rules.ruleset.RuleSetProblem;
import java.util.List;

/** A rule set that parsed but cannot be compiled: invalid or unsupported patterns. */
public final class RuleSetCompilationException extends InvalidRuleSetException {

    RuleSetCompilationException(List<RuleSetProblem> problems) {
        super(problems.size() + " rule(s) cannot be compiled: " + problems.getFirst().message(), problems);
    }
}
