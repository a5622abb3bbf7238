package io.triage.rules.stats;

import io.triage.rules.config.RulesEngineProperties;
import io.triage.rules.trust.RuleTrust;
import io.triage.rules.trust.TrustPolicy;
import io.triage.platform.concurrent.RefreshingSnapshot;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What each rule has earned from its confirmed outcomes (the feedback in {@code rule_feedback}, over all versions),
 * judged by the configured {@link TrustPolicy} ({@code triage.rules.trust.*}) as {@code GET /rules/statistics} reports it, so that
 * {@code POST /rules/evaluate} flags {@code shortCircuit} as classify-service's rules tier decides in-process. Kept in
 * memory and read again in the background once older than {@code triage.rules.refresh-interval} (evaluations
 * meanwhile use the figures they have), and at once after feedback counted on this replica; so every replica follows
 * feedback given on another within that interval.
 */
@Component
public class RuleTrusts {

    private record Counts(long outcomes, long correct) {
    }

    private final RuleStatistics statistics;
    private final RulesEngineProperties properties;
    private final RefreshingSnapshot<Map<String, Counts>> counts;

    RuleTrusts(RuleStatistics statistics, RulesEngineProperties properties) {
        this.statistics = statistics;
        this.properties = properties;
        this.counts = new RefreshingSnapshot<>("rule-trust", this::load, properties::refreshInterval);
    }

    /** The policy rules are judged by, here and in {@code GET /rules/statistics} ({@code triage.rules.trust.*}). */
    public TrustPolicy policy() {
        return properties.trust().policy();
    }

    /** What {@code ruleId}, declared with {@code declaredConfidence}, has earned. */
    public RuleTrust trust(String ruleId, double declaredConfidence) {
        Counts earned = counts.get().getOrDefault(ruleId, new Counts(0, 0));
        return RuleTrust.of(earned.outcomes(), earned.correct(), declaredConfidence, policy());
    }

    /** Reads the outcomes again now (after feedback was counted here). */
    public void refresh() {
        counts.refresh();
    }

    private Map<String, Counts> load() {
        return statistics.accuracy().stream().collect(Collectors.toUnmodifiableMap(
                RuleStatistics.RuleAccuracy::ruleId,
                a -> new Counts(a.correct() + a.incorrect(), a.correct())));
    }
}
