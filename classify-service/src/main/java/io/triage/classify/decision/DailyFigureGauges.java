package io.triage.classify.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Today's (UTC) figures from the decision log as gauges, so a dashboard shows the same numbers whichever replica
 * Prometheus scrapes and a restart changes nothing: {@code cache_hit_rate_daily} (cache decisions per cache lookup),
 * {@code cache_reuse_accuracy_daily} (confirmed-correct share of today's cache decisions with feedback) and
 * {@code rule_accuracy_daily{rule}} (confirmed accuracy of each rule of the rule set in use that matched today and
 * got feedback; rules of older sets are left out, so the series stay as many as the active set's rules). NaN when
 * today has no lookups or no confirmed outcomes. Each replica reads them every
 * {@code triage.classify.daily-figures.refresh-interval}; nothing needs a lock, since nothing is written. Aggregate
 * them with max, not avg or sum.
 */
@Component
class DailyFigureGauges {

    private static final Logger log = LoggerFactory.getLogger(DailyFigureGauges.class);

    private final DailyFigures figures;
    private final Clock clock;
    private final MultiGauge ruleAccuracy;
    private final AtomicReference<DailyFigures.Cache> cache = new AtomicReference<>(DailyFigures.Cache.NONE);

    @Autowired
    DailyFigureGauges(DailyFigures figures, MeterRegistry meters) {
        this(figures, meters, Clock.systemUTC());
    }

    DailyFigureGauges(DailyFigures figures, MeterRegistry meters, Clock clock) {
        this.figures = figures;
        this.clock = clock;
        Gauge.builder("cache_hit_rate_daily", cache, c -> nanIfNull(c.get().hitRate()))
                .description("Semantic-cache decisions per cache lookup today (UTC), from the decision log")
                .register(meters);
        Gauge.builder("cache_reuse_accuracy_daily", cache, c -> nanIfNull(c.get().accuracy()))
                .description("Share of today's (UTC) cache decisions with feedback that feedback confirmed")
                .register(meters);
        this.ruleAccuracy = MultiGauge.builder("rule_accuracy_daily")
                .description("Share of today's (UTC) matches of each active rule with feedback that were right")
                .register(meters);
    }

    /** Reads today's figures from the decision log (at start and every refresh interval). */
    @Scheduled(initialDelay = 0, fixedDelayString = "${triage.classify.daily-figures.refresh-interval:30s}")
    void refresh() {
        try {
            LocalDate today = LocalDate.now(clock);
            DailyFigures.Day day = figures.between(today, today).getFirst();
            Set<String> active = Set.copyOf(figures.activeRulesMatchedOn(today));
            cache.set(day.cache());
            ruleAccuracy.register(day.rules().stream()
                    .filter(rule -> active.contains(rule.ruleId()) && rule.accuracy() != null)
                    .map(rule -> MultiGauge.Row.of(Tags.of("rule", rule.ruleId()), nanIfNull(rule.accuracy())))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("could not read today's figures from the decision log; keeping the previous ones: {}",
                    e.toString());
        }
    }

    /** Today's cache figures as last read. */
    DailyFigures.Cache cache() {
        return cache.get();
    }

    private static double nanIfNull(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }
}
