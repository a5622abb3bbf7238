package io.triage.rules.api;

import io.triage.platform.problem.InvalidInputException;
import io.triage.rules.catalog.ActiveRuleSet;
import io.triage.rules.stats.RuleStatistics;
import io.triage.rules.stats.RuleStatistics.RuleAccuracy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
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

    FeedbackController(RuleStatistics statistics, ActiveRuleSet active) {
        this.statistics = statistics;
        this.active = active;
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
        return new FeedbackResponse(request.ruleId(), correct, !counted);
    }

    @GetMapping("/rules/statistics")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    List<RuleAccuracy> statistics() {
        return statistics.accuracy();
    }
}
