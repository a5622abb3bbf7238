package io.triage.classify.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.triage.classify.feedback.Correction;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /feedback}: the correct labels of a classified ticket, named by decision id or by ticket id
 * (then its latest decision).
 *
 * @param decisionId the decision the feedback is about
 * @param ticketId   or the ticket, when the decision id is not known (e.g. the ticketing system's final assignment)
 * @param department the correct department
 * @param urgency    the correct urgency, when known
 * @param sentiment  the correct sentiment, when known
 * @param source     who says so: {@code agent} (default) or {@code ticketing-system}
 */
public record FeedbackRequest(@Nullable UUID decisionId,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}") String ticketId,
        @NotBlank @Size(max = 64) String department,
        @Nullable @Size(min = 1, max = 64) String urgency,
        @Nullable @Size(min = 1, max = 64) String sentiment,
        @Nullable @Pattern(regexp = "agent|ticketing-system") String source) {

    /** The feedback as the feedback feature takes it. */
    Correction correction() {
        return new Correction(decisionId, ticketId, department, urgency, sentiment, source);
    }
}
