package io.triage.classify.chain;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import org.springframework.stereotype.Component;

/**
 * Runs a remote tier on a virtual thread and stops waiting at its deadline, so a slow dependency costs at most its
 * configured timeout (retries and circuit breaking happen inside the tier; the deadline bounds them all).
 */
@Component
class Deadlines implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    TierOutcome run(Tier tier, TierContext context) {
        if (tier.timeout().isZero()) {
            return tier.decide(context);
        }
        Future<TierOutcome> outcome = threads.submit(() -> tier.decide(context));
        try {
            return outcome.get(tier.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            return new TierOutcome.Skipped("no answer within " + millis(tier.timeout()) + " ms");
        } catch (ExecutionException e) {
            return new TierOutcome.Skipped("failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TierOutcome.Skipped("interrupted");
        }
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
