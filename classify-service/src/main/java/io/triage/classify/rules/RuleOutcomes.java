package io.triage.classify.rules;

import java.util.Map;
import java.util.stream.Collectors;

import io.triage.platform.concurrent.RefreshingSnapshot;
import io.triage.rules.trust.RuleTrust;
import io.triage.rules.trust.TrustPolicy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each rule's confirmed outcomes, from the decision log: every decision a rule matched (whether or not it decided)
 * that received feedback, and whether the rule's department was the one the feedback gave. Counted per rule id over
 * all rule-set versions, as rules-engine's {@code /rules/statistics} counts them. Read by every replica from the
 * shared log once the service is up, kept in memory for {@code trust-refresh-interval} and then read again in the
 * background (tickets meanwhile use the previous figures), and read at once after feedback on this replica.
 */
@Repository
public class RuleOutcomes implements RuleTrusts {

    /**
     * A rule's confirmed outcomes.
     *
     * @param confirmed decisions it matched that received feedback
     * @param correct   of those, the ones where its department was right
     */
    record Counts(long confirmed, long correct) {
    }

    private final JdbcClient jdbc;
    private final RulesTierProperties settings;
    private final RefreshingSnapshot<Map<String, Counts>> counts;

    RuleOutcomes(JdbcClient jdbc, RulesTierProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.counts = new RefreshingSnapshot<>("rule-outcomes", this::load, settings::trustRefreshInterval);
    }

    /** What {@code ruleId}, declared with {@code declaredConfidence}, has earned from its confirmed outcomes. */
    @Override
    public RuleTrust trust(String ruleId, double declaredConfidence) {
        Counts earned = counts.get().getOrDefault(ruleId, new Counts(0, 0));
        return RuleTrust.of(earned.confirmed(), earned.correct(), declaredConfidence, policy());
    }

    /** The policy rules are judged by ({@code triage.classify.tiers.rules.*}). */
    public TrustPolicy policy() {
        return settings.trustPolicy();
    }

    /** Reloads the counts now (after feedback was recorded here). */
    public void refresh() {
        counts.refresh();
    }

    /** Reads the counts once the service is up, so that no ticket waits for the first read. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        refresh();
    }

    private Map<String, Counts> load() {
        // A decision made before rule_department was logged knows the rule's department only when the rule decided.
        return jdbc.sql("""
                SELECT d.rule_id, count(*),
                       count(*) FILTER (WHERE f.department = coalesce(d.rule_department, d.department))
                  FROM decisions d JOIN decision_feedback f ON f.decision_id = d.id
                 WHERE d.rule_id IS NOT NULL AND (d.rule_department IS NOT NULL OR d.routing_method = 'RULE')
                 GROUP BY d.rule_id
                """)
                .query((rs, n) -> Map.entry(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3))))
                .list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
