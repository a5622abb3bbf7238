package io.triage.classify.feedback;

import java.util.UUID;

/**
 * What {@code POST /feedback} answers.
 *
 * @param decisionId        the decision the feedback was applied to
 * @param routingMethod     the tier that had decided it
 * @param departmentCorrect whether the decided department was right
 * @param duplicate         true when feedback for this decision had already been recorded (nothing changed)
 */
public record FeedbackReceipt(UUID decisionId, String routingMethod, boolean departmentCorrect, boolean duplicate) {
}
