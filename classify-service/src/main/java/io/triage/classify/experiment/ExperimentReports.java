package io.triage.classify.experiment;

import java.util.List;

import io.triage.platform.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compares the arms of an experiment from the decision log and feedback: accuracy (Wilson interval), LLM tokens
 * and latency (normal intervals). For {@code rag-vs-zero-shot} only decisions that reached the LLM count.
 */
@Service
public class ExperimentReports {

    private final JdbcClient jdbc;
    private final ExperimentProperties settings;

    ExperimentReports(JdbcClient jdbc, ExperimentProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties;
    }

    private record Row(String arm, long decisions, long judged, long correct, double tokens, double tokensSd,
            double latency, double latencySd, double p95) {
    }

    /** The arms of {@code experiment} compared; 404 for an unknown experiment. */
    public ExperimentReport report(String experiment) {
        double share = switch (experiment) {
            case ExperimentAssignment.RULES_VS_ML -> settings.directMlShare();
            case ExperimentAssignment.RAG_VS_ZERO_SHOT -> settings.zeroShotShare();
            default -> throw new NotFoundException("No experiment " + experiment + "; known: "
                    + List.of(ExperimentAssignment.RULES_VS_ML, ExperimentAssignment.RAG_VS_ZERO_SHOT));
        };
        String llmOnly = experiment.equals(ExperimentAssignment.RAG_VS_ZERO_SHOT) ? " AND d.llm_mode IS NOT NULL" : "";
        List<Row> rows = jdbc.sql("""
                SELECT d.experiments ->> :name, count(*), count(f.decision_id),
                       count(*) FILTER (WHERE f.department_correct),
                       avg(coalesce(d.llm_prompt_tokens + d.llm_completion_tokens, 0)),
                       coalesce(stddev_samp(coalesce(d.llm_prompt_tokens + d.llm_completion_tokens, 0)), 0),
                       avg(d.latency_micros) / 1000.0, coalesce(stddev_samp(d.latency_micros), 0) / 1000.0,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY d.latency_micros) / 1000.0
                  FROM decisions d LEFT JOIN decision_feedback f ON f.decision_id = d.id
                 WHERE d.experiments ->> :name IS NOT NULL""" + llmOnly + """

                 GROUP BY 1 ORDER BY 1
                """).param("name", experiment)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)))
                .list();
        List<ExperimentReport.Arm> arms = rows.stream().map(r -> new ExperimentReport.Arm(r.arm(), r.decisions(),
                r.judged(), Interval.wilson(r.correct(), r.judged()), Interval.mean(r.tokens(), r.tokensSd(),
                        r.decisions()), Interval.mean(r.latency(), r.latencySd(), r.decisions()), r.p95()))
                .toList();
        Interval difference = rows.size() == 2
                ? Interval.difference(rows.get(0).correct(), rows.get(0).judged(), rows.get(1).correct(),
                        rows.get(1).judged())
                : new Interval(Double.NaN, Double.NaN, Double.NaN);
        return new ExperimentReport(experiment, share, arms, difference);
    }
}
