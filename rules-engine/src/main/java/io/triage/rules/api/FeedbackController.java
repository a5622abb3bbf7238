package io.triage.rules.api;

import io.triage.platform.problem.InvalidInputException;
import io.triage.rules.catalog.ActiveRuleSet;
import io.triage.rules.config.RulesEngineProperties;
import io.triage.rules.stats.RuleStatistics;
import io.triage.rules.stats.RuleStatistics.RuleAccuracy;
import io.triage.rules.stats.RuleTrusts;
import io.triage.rules.trust.RuleTrust;
import io.triage.rules.trust.TrustPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agent feedback on rule-routed tickets (forwarded by classify-service) and the per-rule accuracy it yields. */
@RestController
class FeedbackController {

    private final RuleStatistics statistics;
    private final ActiveRuleSet active;
    private final RuleTrusts trusts;
    private final RulesEngineProperties properties;

    FeedbackController(RuleStatistics statistics, ActiveRuleSet active, RuleTrusts trusts,
            RulesEngineProperties properties) {
        this.statistics = statistics;
        this.active = active;
        this.trusts = trusts;
        this.properties = properties;
    }

    /**
     * Feedback on one ticket a rule routed.
     *
     * @param feedbackId        this feedback's id; a second delivery with the same id counts nothing (classify-service
     *                          derives it from the decision, so its redeliveries are recognised)
     * @param decisionId        classify-service's decision the feedback is about, when known (kept with the receipt)
     * @param ruleId            the rule that routed it; must be a rule of the active set (and an id as the rule format
     *                          allows it, 1-64 letters, digits, '_', '.' or '-', checked before any lookup)
     * @param correctDepartment the department an agent says is right
     * @param ruleSetVersion    the version that routed it (the active one when absent)
     */
    record FeedbackRequest(@NotNull UUID feedbackId, @Nullable UUID decisionId,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String ruleId,
            @NotBlank @Size(max = 200) String correctDepartment, @Nullable Integer ruleSetVersion) {
    }

    /**
     * What the feedback changed.
     *
     * @param ruleId    the rule
     * @param correct   whether the rule's department was the right one
     * @param duplicate true when this feedback id had been counted before (nothing changed)
     */
    record FeedbackResponse(String ruleId, boolean correct, boolean duplicate) {
    }

    /**
     * Counts the feedback once per {@code feedbackId}. A rule id that is not in the active set is refused with 400
     * naming {@code ruleId}: it would count nothing meaningful, and as a metric tag any string would grow the
     * Prometheus series without bound.
     */
    @PostMapping("/rules/feedback")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('CLASSIFY_SERVICE', 'ANALYST')")
    FeedbackResponse feedback(@Valid @RequestBody FeedbackRequest request) {
        var rules = active.get();
        var rule = rules.compiled().rules().stream().filter(r -> r.id().equals(request.ruleId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("ruleId", "not a rule of the active rule set (version "
                        + rules.version() + ")"));
        int version = request.ruleSetVersion() != null ? request.ruleSetVersion() : rules.version();
        boolean correct = request.correctDepartment().equalsIgnoreCase(String.valueOf(rule.department()));
        boolean counted = statistics.feedback(request.feedbackId(), request.decisionId(), request.ruleId(), version,
                correct);
        if (counted) {
            // So that this replica's next evaluation of the rule already reflects it.
            trusts.refresh();
        }
        return new FeedbackResponse(request.ruleId(), correct, !counted);
    }

    /**
     * One rule's feedback and what it earned from it (issue 23): from {@code triage.rules.trust.min-outcomes} (60)
     * confirmed outcomes, as classify-service judges them, its effective confidence is the one-sided 95 % Wilson lower
     * bound of its measured accuracy, and a rule whose bound is below {@code min-effective-confidence} (0.95) no
     * longer short-circuits (its matches still show).
     *
     * @param ruleId              the rule
     * @param correct             feedback confirming its department
     * @param incorrect           feedback correcting it
     * @param accuracy            correct / all feedback; null without feedback
     * @param lowerBound          the Wilson lower bound of the accuracy; null without feedback
     * @param declaredConfidence  its confidence in the active rule set; null when it is no longer in it
     * @param effectiveConfidence the declared confidence below {@code min-outcomes}, the lower bound from there; null when the
     *                            rule is no longer in the active set
     * @param measured            whether it has enough outcomes for its measured accuracy to count
     * @param shortCircuits       whether a match of it short-circuits the later tiers now: its declared confidence
     *                            reaches the short-circuit threshold and its measured bound (when measured)
     *                            {@code min-effective-confidence};
     *                            false when the rule is no longer in the active set
     * @param reason              why it does not short-circuit; null when it does
     */
    record RuleStanding(String ruleId, long correct, long incorrect, @Nullable Double accuracy,
            @Nullable Double lowerBound, @Nullable Double declaredConfidence, @Nullable Double effectiveConfidence,
            boolean measured, boolean shortCircuits, @Nullable String reason) {
    }

    @GetMapping("/rules/statistics")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    List<RuleStanding> statistics() {
        Map<String, Double> declared = active.get().compiled().rules().stream()
                .collect(Collectors.toMap(r -> r.id(), r -> r.confidence(), (a, b) -> a));
        TrustPolicy policy = trusts.policy();
        return statistics.accuracy().stream().map(a -> standing(a, declared.get(a.ruleId()), policy)).toList();
    }

    private RuleStanding standing(RuleAccuracy accuracy, @Nullable Double declared, TrustPolicy policy) {
        RuleTrust trust = RuleTrust.of(accuracy.correct() + accuracy.incorrect(), accuracy.correct(),
                declared == null ? 0 : declared, policy);
        String reason;
        if (declared == null) {
            reason = "not a rule of the active rule set";
        } else if (declared < properties.shortCircuitConfidence()) {
            reason = "declared confidence " + declared + " < " + properties.shortCircuitConfidence();
        } else if (!trust.shortCircuits()) {
            reason = "it was " + trust.describe(policy);
        } else {
            reason = null;
        }
        return new RuleStanding(accuracy.ruleId(), accuracy.correct(), accuracy.incorrect(), accuracy.accuracy(),
                trust.lowerBound(), declared, declared == null ? null : trust.effectiveConfidence(), trust.measured(),
                reason == null, reason);
    }
}
