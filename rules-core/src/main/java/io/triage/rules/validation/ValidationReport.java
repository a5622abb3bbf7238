package io.triage.rules.validation;

import io.triage.rules.ruleset.RuleSetProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code /rules/validate} finds about a rule set. Only {@code errors} make it invalid (unpublishable);
 * shadowed rules and conflicts are warnings for the analyst.
 *
 * @param valid     whether the set can be published
 * @param errors    syntax errors, invalid or unsupported patterns, duplicate ids, bad values
 * @param shadowed  rules that never win because an earlier rule takes their tickets
 * @param conflicts pairs of rules firing on the same sample tickets with different departments
 * @param backtest  results on the sample tickets, or null when none were given
 */
public record ValidationReport(boolean valid, List<RuleSetProblem> errors, List<ShadowedRule> shadowed,
        List<RuleConflict> conflicts, @Nullable Backtest backtest) {

    /**
     * A rule that cannot win.
     *
     * @param ruleId     the shadowed rule
     * @param shadowedBy the earlier rule(s) taking its tickets
     * @param evidence   {@code structural} (proved on the automata: it can never win) or {@code sample} (it fired on
     *                   sample tickets but never won one)
     * @param tickets    sample tickets it fired on (for {@code sample})
     */
    public record ShadowedRule(String ruleId, List<String> shadowedBy, String evidence, List<String> tickets) {
    }

    /**
     * Two rules that both fire on the same sample tickets but route to different departments.
     *
     * @param firstRuleId       the earlier rule (the one that wins)
     * @param secondRuleId      the later rule
     * @param firstDepartment   department of the earlier rule
     * @param secondDepartment  department of the later rule
     * @param tickets           ids of the sample tickets both fire on
     */
    public record RuleConflict(String firstRuleId, String secondRuleId, String firstDepartment,
            String secondDepartment, List<String> tickets) {
    }

    /**
     * The rule set replayed on the sample.
     *
     * @param tickets       number of sample tickets
     * @param routed        tickets some rule fired on
     * @param routedShare   routed / tickets
     * @param labelled      routed tickets that carry a label
     * @param correct       routed, labelled tickets routed to the labelled department
     * @param accuracy      correct / labelled (null when no routed ticket is labelled)
     * @param rules         per-rule results, in rule order
     */
    public record Backtest(int tickets, int routed, double routedShare, int labelled, int correct, @Nullable Double accuracy,
            List<RuleBacktest> rules) {
    }

    /**
     * One rule's results on the sample.
     *
     * @param ruleId    the rule
     * @param hits      tickets it won
     * @param labelled  of those, how many carry a label
     * @param correct   of those, how many it routed correctly
     * @param precision correct / labelled (null when none labelled)
     */
    public record RuleBacktest(String ruleId, int hits, int labelled, int correct, @Nullable Double precision) {
    }
}
