package io.triage.audit.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.triage.audit.config.AuditProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds the monthly compliance report from the month's partition and the feedback feed. Accuracy is department
 * accuracy against the latest feedback per decision; abstentions ({@code NEEDS_REVIEW}) count towards the
 * abstention rate and never towards accuracy. Bias checks cover channel, language, customer segment and (decided)
 * department: a group with at least {@code min-group-size} judged decisions whose accuracy lies more than
 * {@code gap-threshold} below the overall accuracy is flagged.
 */
@Service
public class MonthlyReports {

    private final JdbcClient jdbc;
    private final AuditProperties.Report settings;
    private final Clock clock;

    MonthlyReports(JdbcClient jdbc, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.report();
        this.clock = clock;
    }

    public MonthlyReport build(YearMonth month) {
        List<DecisionCell> cells = cells(month);
        long decisions = cells.stream().mapToLong(DecisionCell::decisions).sum();
        GroupStats all = stats("all", cells, decisions);
        List<BiasCheck> bias = List.of(bias("channel", cells, decisions, all, DecisionCell::channel, true),
                bias("language", cells, decisions, all, DecisionCell::language, true),
                bias("customerSegment", cells, decisions, all, DecisionCell::customerSegment, true),
                // An abstention has no department ("(none)"), so abstention rates across departments mean nothing.
                bias("department", cells, decisions, all, DecisionCell::department, false));
        return new MonthlyReport(month.toString(), clock.instant(), decisions, all.judged(), all.abstentionRate(),
                all.accuracy(), groups(cells, decisions, DecisionCell::routingMethod),
                groups(cells, decisions, DecisionCell::department),
                groups(cells, decisions, DecisionCell::modelVersion), bias, settings.gapThreshold(),
                settings.minGroupSize());
    }

    private List<DecisionCell> cells(YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                WITH latest AS (
                    SELECT DISTINCT ON (decision_event_id) decision_event_id, correct_department
                      FROM decision_feedback ORDER BY decision_event_id, recorded_at DESC, feedback_id)
                SELECT l.routing_method, coalesce(l.department, '(none)'), l.model_version,
                       coalesce(l.channel, '(unknown)'), coalesce(l.language, '(unknown)'),
                       coalesce(l.customer_segment, '(unknown)'),
                       count(*),
                       count(*) FILTER (WHERE l.routing_method = 'NEEDS_REVIEW'),
                       count(*) FILTER (WHERE f.correct_department IS NOT NULL
                                          AND l.routing_method <> 'NEEDS_REVIEW'),
                       count(*) FILTER (WHERE f.correct_department = l.department
                                          AND l.routing_method <> 'NEEDS_REVIEW')
                  FROM audit_log l LEFT JOIN latest f ON f.decision_event_id = l.event_id
                 WHERE l.recorded_at >= ? AND l.recorded_at < ?
                 GROUP BY 1, 2, 3, 4, 5, 6""")
                .params(from, from.plusMonths(1))
                .query((rs, row) -> new DecisionCell(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10)))
                .list();
    }

    private static List<GroupStats> groups(List<DecisionCell> cells, long total,
            Function<DecisionCell, String> dimension) {
        Map<String, List<DecisionCell>> byGroup = new TreeMap<>();
        cells.forEach(cell -> byGroup.computeIfAbsent(dimension.apply(cell), g -> new ArrayList<>()).add(cell));
        return byGroup.entrySet().stream().map(e -> stats(e.getKey(), e.getValue(), total))
                .sorted(Comparator.comparingLong(GroupStats::decisions).reversed()).toList();
    }

    private static GroupStats stats(String group, List<DecisionCell> cells, long total) {
        long decisions = cells.stream().mapToLong(DecisionCell::decisions).sum();
        long abstained = cells.stream().mapToLong(DecisionCell::abstained).sum();
        long judged = cells.stream().mapToLong(DecisionCell::judged).sum();
        long correct = cells.stream().mapToLong(DecisionCell::correct).sum();
        return new GroupStats(group, decisions, total == 0 ? 0 : (double) decisions / total,
                decisions == 0 ? 0 : (double) abstained / decisions, judged,
                judged == 0 ? null : (double) correct / judged);
    }

    private BiasCheck bias(String attribute, List<DecisionCell> cells, long total, GroupStats overall,
            Function<DecisionCell, String> dimension, boolean abstentions) {
        List<GroupStats> groups = groups(cells, total, dimension);
        List<GroupStats> bigEnough = groups.stream().filter(g -> g.decisions() >= settings.minGroupSize()).toList();
        List<Double> accuracies = bigEnough.stream().filter(g -> g.judged() >= settings.minGroupSize())
                .map(GroupStats::accuracy).toList();
        List<Double> abstentionRates = bigEnough.stream().map(GroupStats::abstentionRate).toList();
        Double accuracyGap = spread(accuracies);
        Double abstentionGap = abstentions ? spread(abstentionRates) : null;
        List<String> reasons = new ArrayList<>();
        if (accuracyGap != null && accuracyGap > settings.gapThreshold()) {
            reasons.add("accuracy gap %.3f across %s exceeds %.3f".formatted(accuracyGap, attribute,
                    settings.gapThreshold()));
        }
        if (abstentionGap != null && abstentionGap > settings.gapThreshold()) {
            reasons.add("abstention gap %.3f across %s exceeds %.3f".formatted(abstentionGap, attribute,
                    settings.gapThreshold()));
        }
        List<GroupGap> gaps = groupGaps(groups, overall.accuracy());
        List<String> flaggedGroups = gaps.stream().filter(GroupGap::flagged).map(GroupGap::group).toList();
        gaps.stream().filter(GroupGap::flagged).forEach(g -> reasons.add(
                "%s %s: accuracy %.3f is %.3f below the overall %.3f (more than %.3f)".formatted(attribute,
                        g.group(), g.accuracy(), g.gap(), overall.accuracy(), settings.gapThreshold())));
        return new BiasCheck(attribute, groups, accuracyGap, abstentionGap, !reasons.isEmpty(), reasons, gaps,
                flaggedGroups);
    }

    /** Each group with enough feedback against the overall accuracy; only a group doing worse can be flagged. */
    private List<GroupGap> groupGaps(List<GroupStats> groups, @Nullable Double overall) {
        if (overall == null) {
            return List.of();
        }
        List<GroupGap> gaps = new ArrayList<>();
        for (GroupStats g : groups) {
            Double accuracy = g.accuracy();
            if (accuracy != null && g.judged() >= settings.minGroupSize()) {
                double gap = overall - accuracy;
                gaps.add(new GroupGap(g.group(), g.judged(), accuracy, gap, gap > settings.gapThreshold()));
            }
        }
        return gaps;
    }

    private static @Nullable Double spread(List<Double> values) {
        if (values.size() < 2) {
            return null;
        }
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
