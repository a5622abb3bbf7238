package io.triage.rules.api;

import io.triage.rules.engine.MatchedSpan;
import org.jspecify.annotations.Nullable;

/**
 * The rules tier's answer for one ticket.
 *
 * @param ticketId       the caller's id
 * @param matched        whether a rule fired
 * @param ruleId         the rule that fired; null when none did
 * @param department     its department; null when no rule fired
 * @param urgency        its urgency; null when no rule fired
 * @param confidence     its confidence; null when no rule fired
 * @param shortCircuit   true when the confidence is high enough to skip the ML and LLM tiers
 * @param ruleSetVersion the rule-set version that decided
 * @param span           where the rule's pattern matched; null when no rule fired
 */
record EvaluationResponse(String ticketId, boolean matched, @Nullable String ruleId, @Nullable String department,
        @Nullable String urgency, @Nullable Double confidence, boolean shortCircuit, int ruleSetVersion,
        @Nullable MatchedSpan span) {
}
