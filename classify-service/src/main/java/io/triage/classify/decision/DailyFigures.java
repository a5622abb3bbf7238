package io.triage.classify.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The semantic cache's and each rule's figures per UTC day, computed from what is stored: the decision log and the
 * feedback on it. A decision counts on the UTC day it was made, and so does the feedback it later received. Nothing
 * is kept in memory, so every replica, and a restarted one, gives the same numbers for the same rows.
 *
 * <p>A cache lookup is a decision for which the cache tier ran and was not skipped (its latency is logged and it is
 * not among the skipped tiers), as {@code cache_hit_rate} counts them; a cache decision is one the cache decided.
 * A rule's match is a decision it matched (whether or not it decided), a short-circuit one it decided, and its
 * confirmed outcomes are the feedback on its matches, judged against the rule's own department, as the rules tier's
 * earned trust ({@code RuleOutcomes}) counts them.
 */
@Repository
public class DailyFigures {

    /**
     * One UTC day.
     *
     * @param day   the UTC date
     * @param cache the semantic cache's figures
     * @param rules each rule that matched a ticket that day, by rule id
     */
    public record Day(LocalDate day, Cache cache, List<RuleDay> rules) {
    }

    /**
     * The semantic cache on one day.
     *
     * @param lookups          decisions for which the cache tier ran (not skipped)
     * @param decisions        decisions the cache made
     * @param hitRate          decisions / lookups; null without lookups
     * @param confirmedCorrect cache decisions whose feedback confirmed the reused department
     * @param confirmedWrong   cache decisions whose feedback corrected it
     * @param accuracy         confirmedCorrect / (confirmedCorrect + confirmedWrong); null without feedback
     */
    public record Cache(long lookups, long decisions, @Nullable Double hitRate, long confirmedCorrect,
            long confirmedWrong, @Nullable Double accuracy) {

        static final Cache NONE = new Cache(0, 0, null, 0, 0, null);
    }

    /**
     * One rule on one day.
     *
     * @param ruleId           the rule
     * @param matches          decisions it matched
     * @param shortCircuits    of those, the ones it decided
     * @param confirmedCorrect matches whose feedback gave the rule's department
     * @param confirmedWrong   matches whose feedback gave another department
     * @param accuracy         confirmedCorrect / (confirmedCorrect + confirmedWrong); null without feedback
     */
    public record RuleDay(String ruleId, long matches, long shortCircuits, long confirmedCorrect,
            long confirmedWrong, @Nullable Double accuracy) {
    }

    private static final String CACHE = """
            SELECT (d.decided_at AT TIME ZONE 'UTC')::date,
                   count(*) FILTER (WHERE d.tier_latencies_micros -> 'CACHE' IS NOT NULL
                                      AND NOT d.skipped_tiers @> '[{"tier":"CACHE"}]'::jsonb),
                   count(*) FILTER (WHERE d.routing_method = 'CACHE'),
                   count(*) FILTER (WHERE d.routing_method = 'CACHE' AND f.department_correct),
                   count(*) FILTER (WHERE d.routing_method = 'CACHE' AND NOT f.department_correct)
              FROM decisions d LEFT JOIN decision_feedback f ON f.decision_id = d.id
             WHERE d.decided_at >= :from AND d.decided_at < :until
             GROUP BY 1
            """;

    // A decision made before rule_department was logged knows the rule's department only when the rule decided.
    private static final String RULES = """
            SELECT (d.decided_at AT TIME ZONE 'UTC')::date, d.rule_id, count(*),
                   count(*) FILTER (WHERE d.routing_method = 'RULE'),
                   count(*) FILTER (WHERE f.department = coalesce(d.rule_department, d.department)
                                      AND (d.rule_department IS NOT NULL OR d.routing_method = 'RULE')),
                   count(*) FILTER (WHERE f.department <> coalesce(d.rule_department, d.department)
                                      AND (d.rule_department IS NOT NULL OR d.routing_method = 'RULE'))
              FROM decisions d LEFT JOIN decision_feedback f ON f.decision_id = d.id
             WHERE d.rule_id IS NOT NULL AND d.decided_at >= :from AND d.decided_at < :until
             GROUP BY 1, 2
             ORDER BY 1, 2
            """;

    // The rule set in use is the one of the latest decision that names one: every replica reads the same row.
    private static final String ACTIVE_RULES = """
            SELECT DISTINCT d.rule_id FROM decisions d
             WHERE d.rule_id IS NOT NULL
               AND d.decided_at >= :from AND d.decided_at < :until
               AND d.rule_set_version = (SELECT l.rule_set_version FROM decisions l
                                          WHERE l.rule_set_version IS NOT NULL
                                          ORDER BY l.decided_at DESC LIMIT 1)
            """;

    private final JdbcClient jdbc;

    DailyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every UTC day from {@code from} to {@code to} (both included), oldest first; days without decisions too. */
    public List<Day> between(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime until = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<LocalDate, Cache> cache = new TreeMap<>();
        jdbc.sql(CACHE).param("from", start).param("until", until)
                .query((rs, n) -> {
                    long lookups = rs.getLong(2);
                    long decisions = rs.getLong(3);
                    long correct = rs.getLong(4);
                    long wrong = rs.getLong(5);
                    return Map.entry(rs.getDate(1).toLocalDate(), new Cache(lookups, decisions,
                            share(decisions, lookups), correct, wrong, share(correct, correct + wrong)));
                })
                .list().forEach(entry -> cache.put(entry.getKey(), entry.getValue()));
        Map<LocalDate, List<RuleDay>> rules = new LinkedHashMap<>();
        jdbc.sql(RULES).param("from", start).param("until", until)
                .query((rs, n) -> {
                    long correct = rs.getLong(5);
                    long wrong = rs.getLong(6);
                    return Map.entry(rs.getDate(1).toLocalDate(), new RuleDay(rs.getString(2), rs.getLong(3),
                            rs.getLong(4), correct, wrong, share(correct, correct + wrong)));
                })
                .list().forEach(entry -> rules.computeIfAbsent(entry.getKey(), day -> new ArrayList<>())
                        .add(entry.getValue()));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new Day(day, cache.getOrDefault(day, Cache.NONE), List.copyOf(rules.getOrDefault(day,
                    List.of()))));
        }
        return days;
    }

    /** The ids of the rules that matched on {@code day} and belong to the rule set of the latest logged decision. */
    public List<String> activeRulesMatchedOn(LocalDate day) {
        return jdbc.sql(ACTIVE_RULES)
                .param("from", day.atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("until", day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> rs.getString(1)).list();
    }

    private static @Nullable Double share(long part, long whole) {
        return whole == 0 ? null : part / (double) whole;
    }
}
