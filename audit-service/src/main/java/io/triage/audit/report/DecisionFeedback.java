package io.triage.audit.report;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The feed of ground truth from classify-service: the correct labels for a recorded decision, once an agent
 * confirmed or corrected it. Idempotent on {@code feedbackId}; the latest feedback for a decision counts.
 *
 * @param feedbackId the feedback's own id (classify-service derives it from the decision id: it keeps one feedback
 *     per decision, so a redelivery carries the same id)
 * @param decisionEventId the {@code eventId} of the decision event it judges
 * @param source who says so: {@code agent} or {@code ticketing-system} (a validated label); absent from older
 *     senders
 */
public record DecisionFeedback(
        @NotNull UUID feedbackId,
        @NotNull UUID decisionEventId,
        @Size(max = 64) String correctDepartment,
        @Size(max = 64) String correctUrgency,
        @Size(max = 64) String correctSentiment,
        @Pattern(regexp = "agent|ticketing-system") @Nullable String source) {
}
