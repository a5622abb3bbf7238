package io.triage.classify.feedback;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The correct labels of a classified ticket, named by decision id or by ticket id (then its latest decision).
 *
 * @param decisionId the decision the feedback is about
 * @param ticketId   or the ticket, when the decision id is not known (e.g. the ticketing system's final assignment)
 * @param department the correct department
 * @param urgency    the correct urgency, when known
 * @param sentiment  the correct sentiment, when known
 * @param source     who says so: {@code agent} (default when absent) or {@code ticketing-system}
 */
public record Correction(@Nullable UUID decisionId, @Nullable String ticketId, String department,
        @Nullable String urgency, @Nullable String sentiment, @Nullable String source) {
}
