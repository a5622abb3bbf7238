package io.triage.classify.rules;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * rules-engine as classify-service uses it (base URL, timeouts and key: {@code spring.http.serviceclient.rules}).
 * Only the fields used here are declared; others in the answers are ignored.
 */
@HttpExchange
public interface RulesEngine {

    /**
     * One ticket to evaluate.
     *
     * @param ticketId    the ticket's id (echoed back), when known
     * @param subject     sanitised subject
     * @param description sanitised description
     * @param channel     channel
     */
    record Evaluation(@Nullable String ticketId, String subject, String description, String channel) {
    }

    /**
     * Where the winning rule matched.
     *
     * @param field the ticket field
     * @param text  the matched text
     */
    record Span(@Nullable String field, @Nullable String text) {
    }

    /**
     * The verdict: all rule fields are absent when no rule fired.
     *
     * @param matched        whether a rule fired
     * @param ruleId         the first rule that fired
     * @param department     its department
     * @param urgency        its urgency
     * @param confidence     its confidence
     * @param shortCircuit   whether the match may skip the later tiers (confidence at or above the threshold)
     * @param ruleSetVersion the active version (a number or a name)
     * @param span           the matched text
     */
    record Verdict(boolean matched, @Nullable String ruleId, @Nullable String department, @Nullable String urgency,
            @Nullable Double confidence, @Nullable Boolean shortCircuit, @Nullable Object ruleSetVersion,
            @Nullable Span span) {
    }

    /**
     * Feedback on a rule's decision.
     *
     * @param feedbackId        the feedback's id, the same for every redelivery (rules-engine counts it once)
     * @param decisionId        the decision the feedback is about
     * @param ruleId            the rule
     * @param correctDepartment the department the ticket really belonged to
     * @param ruleSetVersion    the rule-set version that matched (rules-engine assumes the active one when absent)
     */
    record RuleFeedback(UUID feedbackId, UUID decisionId, String ruleId, String correctDepartment,
            @Nullable Integer ruleSetVersion) {
    }

    /**
     * The active rule set as {@code GET /rules} publishes it (only the fields used here).
     *
     * @param activation which version is active
     * @param yaml       its source, compiled here with rules-core
     * @param evaluation the settings rules-engine evaluates with; absent from rules-engines older than this field
     */
    record PublishedRuleSet(Activation activation, String yaml, @Nullable EvaluationSettings evaluation) {
    }

    /**
     * An activation of a rule-set version.
     *
     * @param version the active version
     */
    record Activation(int version) {
    }

    /**
     * How rules-engine evaluates ({@code triage.rules.*} there).
     *
     * @param shortCircuitConfidence a match at or above it is flagged {@code shortCircuit}
     * @param maxTicketChars         larger tickets are refused
     * @param maxGroupStates         the compiler's largest product automaton per group
     * @param maxGroupRules          the compiler's most rules per product automaton
     */
    record EvaluationSettings(double shortCircuitConfidence, int maxTicketChars, int maxGroupStates,
            int maxGroupRules) {

        /** rules-engine's defaults, for a rule set published without settings. */
        static final EvaluationSettings DEFAULTS = new EvaluationSettings(0.85, 20_000, 20_000, 64);
    }

    /**
     * The active rule set; {@code 304 Not Modified} without a body while it still has the ETag {@code etag}.
     */
    @GetExchange("/rules")
    ResponseEntity<PublishedRuleSet> activeRuleSet(
            @Nullable @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String etag);

    @PostExchange("/rules/evaluate")
    Verdict evaluate(@RequestBody Evaluation ticket);

    @PostExchange("/rules/feedback")
    void feedback(@RequestBody RuleFeedback feedback);
}
