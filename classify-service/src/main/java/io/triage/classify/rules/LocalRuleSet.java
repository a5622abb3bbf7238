package io.triage.classify.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.ruleset.RuleSetParser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The rule set rules-engine publishes, compiled here so that the rules tier needs no call per ticket
 * ({@code triage.classify.tiers.rules.evaluation=local}). A background refresher asks {@code GET /rules} every
 * {@code refresh-interval} with the last ETag (304 while nothing changed), compiles a changed set with rules-core and
 * swaps it in atomically; a failed fetch or a set that does not compile keeps the last good one.
 *
 * <p>Metrics: {@code rules_rule_set_version} (NaN until a set is loaded), {@code rules_rule_set_staleness_seconds}
 * (since the last successful check, 200 or 304), {@code rules_rule_set_refresh_failures_total} and
 * {@code rules_hits_total{rule}} of the evaluations made here ({@code none} when no rule fired).
 */
@Component
class LocalRuleSet implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalRuleSet.class);

    private final RulesEngine rulesEngine;
    private final RulesTierProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RuleSetParser parser = new RuleSetParser();
    private final AtomicReference<@Nullable LoadedRuleSet> current = new AtomicReference<>();
    private final Map<String, Counter> hits = new ConcurrentHashMap<>();
    private final Counter refreshFailures;
    private volatile Instant lastChecked;
    private volatile boolean failing;
    private volatile @Nullable String rejectedEtag;
    private @Nullable ScheduledExecutorService refresher;

    @Autowired
    LocalRuleSet(RulesEngine rulesEngine, RulesTierProperties settings, MeterRegistry meters) {
        this(rulesEngine, settings, meters, Clock.systemUTC());
    }

    LocalRuleSet(RulesEngine rulesEngine, RulesTierProperties settings, MeterRegistry meters, Clock clock) {
        this.rulesEngine = rulesEngine;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.lastChecked = clock.instant();
        this.refreshFailures = Counter.builder("rules.rule.set.refresh.failures")
                .description("Failed fetches or compilations of the published rule set (the last good set stays)")
                .register(meters);
        if (local()) {
            // Only in local mode: in remote mode nothing refreshes, and a growing staleness would raise the alert.
            Gauge.builder("rules.rule.set.version", this, LocalRuleSet::versionOrNaN)
                    .description("Version of the rule set the rules tier evaluates in-process").register(meters);
            Gauge.builder("rules.rule.set.staleness", this, LocalRuleSet::secondsSinceLastCheck).baseUnit("seconds")
                    .description("Time since rules-engine last confirmed the rule set in use").register(meters);
        }
    }

    /** The rule set in use, if one has been fetched. */
    Optional<LoadedRuleSet> current() {
        return Optional.ofNullable(current.get());
    }

    /** Evaluates the ticket on {@code rules} and counts the hit as rules-engine would. */
    RulesEngine.Verdict evaluate(LoadedRuleSet rules, RulesEngine.Evaluation ticket) {
        RulesEngine.Verdict verdict = rules.evaluate(ticket);
        String rule = verdict.matched() && verdict.ruleId() != null ? verdict.ruleId() : "none";
        hits.computeIfAbsent(rule, id -> Counter.builder("rules.hits").tag("rule", id)
                .description("Tickets routed by each rule, evaluated in classify-service").register(meters))
                .increment();
        return verdict;
    }

    /**
     * Asks rules-engine for the active set and swaps it in when it changed. Throws when the fetch fails or the set does
     * not compile; the set in use stays either way.
     */
    void refresh() {
        LoadedRuleSet inUse = current.get();
        ResponseEntity<RulesEngine.PublishedRuleSet> response = rulesEngine.activeRuleSet(
                inUse == null ? null : inUse.etag());
        if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) && inUse != null) {
            lastChecked = clock.instant();
            return;
        }
        RulesEngine.PublishedRuleSet published = response.getBody();
        String etag = response.getHeaders().getETag();
        if (published == null || etag == null) {
            throw new IllegalStateException("GET /rules answered " + response.getStatusCode()
                    + " without a rule set or ETag");
        }
        if (etag.equals(rejectedEtag)) {
            // Compiling a large set takes seconds of CPU: a set that failed once is not compiled every poll again.
            throw new IllegalStateException("rule set " + etag + " did not compile here before");
        }
        RulesEngine.EvaluationSettings evaluation = published.evaluation() != null ? published.evaluation()
                : RulesEngine.EvaluationSettings.DEFAULTS;
        RuleCompiler compiler = new RuleCompiler(evaluation.maxGroupStates(), evaluation.maxGroupRules());
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(parser.parse(published.yaml()).ruleSetOrThrow());
        } catch (RuntimeException e) {
            rejectedEtag = etag;
            throw e;
        }
        LoadedRuleSet loaded = new LoadedRuleSet(published.activation().version(), etag, evaluation, compiled);
        current.set(loaded);
        lastChecked = clock.instant();
        log.info("Rule set version {} compiled for local evaluation ({} rules, ETag {})", loaded.version(),
                loaded.compiled().rules().size(), etag);
    }

    /** One scheduled refresh: a failure is counted and logged, and the set in use stays. */
    void poll() {
        try {
            refresh();
            if (failing) {
                log.info("Rule set refresh works again (version {})", current().map(LoadedRuleSet::version)
                        .orElse(null));
                failing = false;
            }
        } catch (RuntimeException e) {
            // Whatever failed (rules-engine down, a bad answer, a set that does not compile), the last good set stays;
            // an exception escaping here would also cancel the schedule.
            refreshFailures.increment();
            if (!failing) {
                log.warn("Could not refresh the rule set (keeping version {}): {}",
                        current().map(LoadedRuleSet::version).orElse(null), e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void afterPropertiesSet() {
        if (!local()) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("rule-set-refresh").factory());
        // The first fetch runs at once but off the startup path: a rules-engine that is down must not stop this
        // service from starting (the tier is skipped until a set arrives, as when rules-engine is unreachable).
        scheduler.scheduleWithFixedDelay(this::poll, 0, settings.refreshInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        refresher = scheduler;
    }

    @Override
    public void destroy() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private boolean local() {
        return settings.enabled() && settings.evaluation() == RulesTierProperties.Evaluation.LOCAL;
    }

    private double versionOrNaN() {
        LoadedRuleSet rules = current.get();
        return rules == null ? Double.NaN : rules.version();
    }

    private double secondsSinceLastCheck() {
        return (clock.millis() - lastChecked.toEpochMilli()) / 1000.0;
    }
}
