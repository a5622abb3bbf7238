package io.triage.rules.ruleset;

import java.util.List;

/**
 * Rules in evaluation order (explicit {@code order} first, then position in the file); the first rule that fires wins.
 *
 * @param rules the rules, disabled ones included
 */
public record RuleSet(List<Rule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** The rules that can fire, in order. */
    public List<Rule> enabledRules() {
        return rules.stream().filter(Rule::enabled).toList();
    }
}
