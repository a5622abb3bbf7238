package io.triage.classify.feedback;

import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accuracy of decisions that received feedback, per deciding tier, head and decided class (class {@code all} for the
 * tier as a whole), exported as {@code classification_accuracy{tier,head,class}} and refreshed on each feedback.
 */
@Component
public class AccuracyBoard {

    /**
     * One accuracy figure.
     *
     * @param tier     the deciding tier
     * @param head     department, urgency or sentiment
     * @param label    the decided class, or {@code all}
     * @param judged   decisions with feedback on this head
     * @param accuracy share of them that were right
     */
    public record Accuracy(String tier, String head, String label, long judged, double accuracy) {
    }

    private static final String BY_CLASS = """
            SELECT d.routing_method, '%1$s', coalesce(%2$s, 'all'), count(*),
                   avg(CASE WHEN d.%1$s = f.%1$s THEN 1.0 ELSE 0.0 END)
              FROM decisions d JOIN decision_feedback f ON f.decision_id = d.id
             WHERE d.%1$s IS NOT NULL AND f.%1$s IS NOT NULL
             GROUP BY GROUPING SETS ((d.routing_method), (d.routing_method, d.%1$s))
            """;

    private final JdbcClient jdbc;
    private final MultiGauge gauge;

    AccuracyBoard(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.gauge = MultiGauge.builder("classification_accuracy")
                .description("Share of decisions with feedback that were right, per tier, head and class")
                .register(meters);
    }

    /** Recomputes the figures from the decision log and updates the gauge. */
    public List<Accuracy> refresh() {
        List<Accuracy> figures = Stream.of("department", "urgency", "sentiment")
                .flatMap(head -> jdbc.sql(BY_CLASS.formatted(head, "d." + head))
                        .query((rs, n) -> new Accuracy(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getDouble(5)))
                        .list().stream())
                .toList();
        gauge.register(figures.stream()
                .map(a -> MultiGauge.Row.of(Tags.of("tier", a.tier(), "head", a.head(), "class", a.label()),
                        a.accuracy()))
                .toList(), true);
        return figures;
    }
}
