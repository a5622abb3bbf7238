package io.triage.rules.stats;

import io.triage.rules.config.RulesEngineProperties;
import io.triage.rules.trust.RuleTrust;
import io.triage.rules.trust.TrustPolicy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each rule has earned from its confirmed outcomes (the feedback in {@code rule_feedback}, over all versions),
 * judged by {@link TrustPolicy#DEFAULTS} as {@code GET /rules/statistics} reports it, so that
 * {@code POST /rules/evaluate} flags {@code shortCircuit} as classify-service's rules tier decides in-process. Kept in
 * memory and read again in the background once older than {@code triage.rules.refresh-interval} (evaluations
 * meanwhile use the figures they have), and at once after feedback counted on this replica; so every replica follows
 * feedback given on another within that interval.
 */
@Component
public class RuleTrusts {

    private record Counts(long outcomes, long correct) {
    }

    private record Snapshot(Map<String, Counts> counts, long loadedAtNanos) {
    }

    private static final Logger log = LoggerFactory.getLogger(RuleTrusts.class);

    private final RuleStatistics statistics;
    private final RulesEngineProperties properties;
    private final AtomicReference<@Nullable Snapshot> snapshot = new AtomicReference<>();
    private final AtomicBoolean loading = new AtomicBoolean();

    RuleTrusts(RuleStatistics statistics, RulesEngineProperties properties) {
        this.statistics = statistics;
        this.properties = properties;
    }

    /** The policy rules are judged by, here and in {@code GET /rules/statistics}. */
    public TrustPolicy policy() {
        return TrustPolicy.DEFAULTS;
    }

    /** What {@code ruleId}, declared with {@code declaredConfidence}, has earned. */
    public RuleTrust trust(String ruleId, double declaredConfidence) {
        Counts counts = current().counts().getOrDefault(ruleId, new Counts(0, 0));
        return RuleTrust.of(counts.outcomes(), counts.correct(), declaredConfidence, policy());
    }

    /** Reads the outcomes again now (after feedback was counted here). */
    public void refresh() {
        snapshot.set(load());
    }

    private Snapshot current() {
        Snapshot current = snapshot.get();
        if (current == null) {
            refresh();
            return Objects.requireNonNull(snapshot.get(), "just loaded");
        }
        if (System.nanoTime() - current.loadedAtNanos() > properties.refreshInterval().toNanos()
                && loading.compareAndSet(false, true)) {
            Thread.ofVirtual().name("rule-trust-refresh").start(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.warn("could not read the rules' feedback; keeping the previous figures: {}", e.toString());
                } finally {
                    loading.set(false);
                }
            });
        }
        return current;
    }

    private Snapshot load() {
        Map<String, Counts> counts = statistics.accuracy().stream().collect(Collectors.toUnmodifiableMap(
                RuleStatistics.RuleAccuracy::ruleId,
                a -> new Counts(a.correct() + a.incorrect(), a.correct())));
        return new Snapshot(counts, System.nanoTime());
    }
}
