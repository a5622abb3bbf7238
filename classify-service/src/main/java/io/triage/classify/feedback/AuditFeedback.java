package io.triage.classify.feedback;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * audit-service's feedback feed, the ground truth of its monthly compliance report (base URL, timeouts and key:
 * {@code spring.http.serviceclient.audit}). audit-service is idempotent on {@code feedbackId} and counts the latest
 * feedback per decision, so a redelivery changes nothing.
 */
@HttpExchange
public interface AuditFeedback {

    /**
     * One feedback in audit-service's format.
     *
     * @param feedbackId        stable per decision (classify keeps one feedback per decision), see {@link #idOf}
     * @param decisionEventId   the decision's audit event id, which is the decision id
     * @param correctDepartment the correct department
     * @param correctUrgency    the correct urgency, when known
     * @param correctSentiment  the correct sentiment, when known
     * @param source            {@code agent} or {@code ticketing-system} (a validated label)
     */
    record GroundTruth(UUID feedbackId, UUID decisionEventId, String correctDepartment,
            @Nullable String correctUrgency, @Nullable String correctSentiment, @Nullable String source) {
    }

    @PostExchange("/audit/feedback")
    void record(@RequestBody GroundTruth feedback);

    /** The feedback id of a decision's feedback: the same for every redelivery, so audit-service stores it once. */
    static UUID idOf(UUID decisionId) {
        return UUID.nameUUIDFromBytes(("classify-feedback:" + decisionId).getBytes(StandardCharsets.UTF_8));
    }
}
