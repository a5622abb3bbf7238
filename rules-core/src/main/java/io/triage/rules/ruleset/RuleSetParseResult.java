package io.triage.rules.ruleset;

import java.util.List;

/** The outcome of reading a YAML rule set: either rules, or every problem found. */
public sealed interface RuleSetParseResult {

    /** The YAML was a well-formed rule set. */
    record Parsed(RuleSet ruleSet) implements RuleSetParseResult {
    }

    /** The YAML was not a well-formed rule set. */
    record Rejected(List<RuleSetProblem> problems) implements RuleSetParseResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
