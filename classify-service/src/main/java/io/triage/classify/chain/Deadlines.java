package io.triage.classify.chain;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import org.springframework.stereotype.Component;

/**
 * Runs a remote tier on a virtual thread under a Resilience4j {@link TimeLimiter} (one per tier, named after its
 * routing method) and stops waiting at its deadline, so a slow dependency costs at most its configured timeout
 * (retries and circuit breaking happen inside the tier; the deadline bounds them all).
 *
 * <p>The abandoned call is not interrupted: it ends by itself at its client's read timeout. Interrupting a thread
 * closes any interruptible channel it is reading at that moment — a pooled HTTP or JDBC connection, or the
 * executable jar's file channel while a class loads — and with virtual threads pinned by class loading that stalled
 * the whole service under load (every carrier blocked; measured, see benchmarks/results/classify-load.md).
 *
 * <p>Every tier runs in an observation {@value #OBSERVATION} (a span in the request's trace, tagged with the tier
 * and its outcome); the virtual thread a remote tier runs on carries the request's context, so the tier's calls
 * (rules-engine, embedding-service, the LLM) are spans of the same trace.
 */
@Component
class Deadlines implements AutoCloseable {

    /** The observation (span and timer) of one tier's run. */
    static final String OBSERVATION = "classify.tier";

    private final ExecutorService threads = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
            ContextSnapshotFactory.builder().build());
    private final TimeLimiterRegistry limiters = TimeLimiterRegistry.ofDefaults();
    private final ObservationRegistry observations;

    Deadlines(ObservationRegistry observations) {
        this.observations = observations;
    }

    TierOutcome run(Tier tier, TierContext context) {
        Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                .contextualName("classify.tier " + tier.method().name().toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue("tier", tier.method().name());
        return observation.observe(() -> {
            TierOutcome outcome = decide(tier, context);
            observation.lowCardinalityKeyValue("outcome", switch (outcome) {
                case TierOutcome.Decided decided -> "decided";
                case TierOutcome.Undecided undecided -> "undecided";
                case TierOutcome.Skipped skipped -> "skipped";
            });
            return outcome;
        });
    }

    private TierOutcome decide(Tier tier, TierContext context) {
        Duration timeout = tier.timeout();
        if (timeout.isZero()) {
            return tier.decide(context);
        }
        TimeLimiter limiter = limiters.timeLimiter(tier.method().name(),
                () -> TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(false).build());
        try {
            return limiter.executeFutureSupplier(() -> threads.submit(() -> tier.decide(context)));
        } catch (TimeoutException e) {
            return new TierOutcome.Skipped("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TierOutcome.Skipped("interrupted");
        } catch (Exception e) {
            return new TierOutcome.Skipped("failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
