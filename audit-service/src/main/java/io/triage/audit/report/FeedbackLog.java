package io.triage.audit.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores decision feedback (append-only, idempotent on the feedback id). */
@Repository
public class FeedbackLog {

    private final JdbcClient jdbc;

    FeedbackLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the feedback was new (false for a redelivery). */
    public boolean record(DecisionFeedback feedback) {
        return jdbc.sql("""
                INSERT INTO decision_feedback (feedback_id, decision_event_id, correct_department, correct_urgency,
                                               correct_sentiment, source)
                VALUES (:id, :decision, :department, :urgency, :sentiment, :source)
                ON CONFLICT (feedback_id) DO NOTHING""")
                .param("id", feedback.feedbackId()).param("decision", feedback.decisionEventId())
                .param("department", feedback.correctDepartment()).param("urgency", feedback.correctUrgency())
                .param("sentiment", feedback.correctSentiment()).param("source", feedback.source())
                .update() == 1;
    }
}
