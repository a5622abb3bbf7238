package io.triage.rules.api;

import io.triage.rules.engine.MatchedSpan;

/**
 * The rules tier's answer for one ticket.
 *
 * @param ticketId       the caller's id
 * @param matched        whether a rule fired
 * @param ruleId         the rule that fired
 * @param department     its department
 * @param urgency        its urgency
 * @param confidence     its confidence
 * @param shortCircuit   true when the confidence is high enough to skip the ML and LLM tiers
 * @param ruleSetVersion the rule-set version that decided
 * @param span           where the rule's pattern matched
 */
record EvaluationResponse(String ticketId, boolean matched, String ruleId, String department, String urgency,
        Double confidence, boolean shortCircuit, int ruleSetVersion, MatchedSpan span) {
}
