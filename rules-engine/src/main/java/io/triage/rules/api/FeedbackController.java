package io.triage.rules.api;

import io.triage.rules.catalog.ActiveRuleSet;
import io.triage.rules.stats.RuleStatistics;
import io.triage.rules.stats.RuleStatistics.RuleAccuracy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
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
     * @param ruleId            the rule that routed it: an id as the rule format allows it (1-64 letters, digits,
     *                          '_', '.' or '-'), so no text beyond what the statistics index holds is stored
     * @param correctDepartment the department an agent says is right
     * @param ruleSetVersion    the version that routed it (the active one when absent)
     */
    record FeedbackRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String ruleId,
            @NotBlank @Size(max = 200) String correctDepartment, Integer ruleSetVersion) {
    }

    record FeedbackResponse(String ruleId, boolean correct) {
    }

    @PostMapping("/rules/feedback")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('CLASSIFIER', 'ANALYST')")
    FeedbackResponse feedback(@Valid @RequestBody FeedbackRequest request) {
        int version = request.ruleSetVersion() != null ? request.ruleSetVersion() : active.get().version();
        String department = active.get().compiled().rules().stream().filter(r -> r.id().equals(request.ruleId()))
                .map(r -> r.department()).findFirst().orElse(null);
        boolean correct = request.correctDepartment().equalsIgnoreCase(String.valueOf(department));
        statistics.feedback(request.ruleId(), version, correct);
        return new FeedbackResponse(request.ruleId(), correct);
    }

    @GetMapping("/rules/statistics")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    List<RuleAccuracy> statistics() {
        return statistics.accuracy();
    }
}
