package io.triage.rules.ruleset;

import java.util.List;

/** The outcome of reading a YAML rule set: either rules, or every problem found. */
public sealed interface RuleSetParseResult {

    /** The rule set, or {@link InvalidRuleSetException} with every problem when the YAML was rejected. */
    RuleSet ruleSetOrThrow();

    /** The YAML was a well-formed rule set. */
    record Parsed(RuleSet ruleSet) implements RuleSetParseResult {

        @Override
        public RuleSet ruleSetOrThrow() {
            return ruleSet;
        }
    }

    /** The YAML was not a well-formed rule set. */
    record Rejected(List<RuleSetProblem> problems) implements RuleSetParseResult {
        public Rejected {
            problems = List.copyOf(problems);
        }

        @Override
        public RuleSet ruleSetOrThrow() {
            throw new InvalidRuleSetException(problems.size() + " problem(s) in the rule set: "
                    + problems.getFirst().message(), problems);
        }
    }
}
