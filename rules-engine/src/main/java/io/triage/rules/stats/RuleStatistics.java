package io.triage.rules.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-rule statistics: Prometheus counters of hits ({@code rules_hits_total{rule}}), evaluation latency
 * ({@code rules_evaluation_seconds}), feedback outcomes ({@code rules_feedback_total{rule,outcome}}), and per-rule
 * accuracy from feedback kept in Postgres so that it survives restarts and sums over replicas.
 */
@Component
public class RuleStatistics {

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Map<String, Counter> hits = new ConcurrentHashMap<>();
    private final Timer latency;

    RuleStatistics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.latency = Timer.builder("rules.evaluation").description("Time to evaluate one ticket against the rules")
                .register(registry);
    }

    /** Counts a hit of {@code ruleId} ({@code none} when no rule fired). */
    public void hit(String ruleId) {
        hits.computeIfAbsent(ruleId, id -> Counter.builder("rules.hits").tag("rule", id)
                .description("Tickets routed by each rule").register(registry)).increment();
    }

    public void evaluated(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Records whether the department {@code ruleId} (of {@code version}) chose was right, once per
     * {@code feedbackId}: a second delivery of the same feedback changes nothing. The caller has checked that
     * {@code ruleId} is a rule of the active set, so the metric's {@code rule} tag stays bounded.
     *
     * @return false when this feedback had been counted before
     */
    @Transactional
    public boolean feedback(UUID feedbackId, @Nullable UUID decisionId, String ruleId, int version,
            boolean correct) {
        int first = jdbc.sql("INSERT INTO rule_feedback_receipt (feedback_id, decision_id, rule_id, version, correct) "
                + "VALUES (:id, :decision, :rule, :version, :correct) ON CONFLICT (feedback_id) DO NOTHING")
                .param("id", feedbackId).param("decision", decisionId).param("rule", ruleId)
                .param("version", version).param("correct", correct).update();
        if (first == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO rule_feedback (rule_id, version, correct, incorrect) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (rule_id, version) DO UPDATE SET correct = rule_feedback.correct + EXCLUDED.correct, "
                + "incorrect = rule_feedback.incorrect + EXCLUDED.incorrect")
                .params(ruleId, version, correct ? 1 : 0, correct ? 0 : 1).update();
        registry.counter("rules.feedback", "rule", ruleId, "outcome", correct ? "correct" : "incorrect").increment();
        return true;
    }

    /** Feedback accuracy per rule over all versions. */
    public List<RuleAccuracy> accuracy() {
        return jdbc.sql("SELECT rule_id, SUM(correct), SUM(incorrect) FROM rule_feedback GROUP BY rule_id "
                + "ORDER BY rule_id").query((rs, n) -> {
                    long correct = rs.getLong(2);
                    long incorrect = rs.getLong(3);
                    return new RuleAccuracy(rs.getString(1), correct, incorrect,
                            correct + incorrect == 0 ? null : (double) correct / (correct + incorrect));
                }).list();
    }

    /**
     * Feedback on one rule.
     *
     * @param ruleId    the rule
     * @param correct   feedback confirming its department
     * @param incorrect feedback correcting it
     * @param accuracy  correct / all feedback; null without feedback
     */
    public record RuleAccuracy(String ruleId, long correct, long incorrect, @Nullable Double accuracy) {
    }
}
