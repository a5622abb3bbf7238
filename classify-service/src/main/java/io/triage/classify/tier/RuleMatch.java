package io.triage.classify.tier;

import org.jspecify.annotations.Nullable;

/**
 * The rule that fired on a ticket (rules-engine), whether or not it was confident enough to decide.
 *
 * @param ruleId         rule id, e.g. {@code R001}
 * @param department     department it routes to
 * @param urgency        urgency it assigns
 * @param confidence     the rule's confidence
 * @param shortCircuit   whether rules-engine says the match may skip ML and LLM
 * @param matchedText    the span of the ticket the rule matched
 * @param ruleSetVersion the active rule-set version
 */
public record RuleMatch(String ruleId, String department, @Nullable String urgency, double confidence,
        boolean shortCircuit, @Nullable String matchedText, @Nullable String ruleSetVersion) {
}
