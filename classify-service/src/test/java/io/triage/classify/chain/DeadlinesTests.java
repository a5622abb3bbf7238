package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A remote tier gets its timeout and no more: late, failing and interrupted tiers become skipped outcomes. */
class DeadlinesTests {

    private final Deadlines deadlines = new Deadlines(ObservationRegistry.NOOP);

    @AfterEach
    void close() {
        deadlines.close();
    }

    private static TierContext context() {
        return new TierContext(new SanitisedTicket("T-1", "s", "d", "email", null, "api"), Map.of());
    }

    private static Tier tier(Duration timeout, Function<TierContext, TierOutcome> decide) {
        return new Tier() {
            @Override
            public RoutingMethod method() {
                return RoutingMethod.CACHE;
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public TierOutcome decide(TierContext context) {
                return decide.apply(context);
            }
        };
    }

    @Test
    void anAnswerWithinTheDeadlineIsTheOutcome() {
        TierOutcome decided = new TierOutcome.Decided(new LabelScore("Billing", 0.9), null, null, List.of(), "sure");
        assertThat(deadlines.run(tier(Duration.ofSeconds(2), c -> decided), context())).isEqualTo(decided);
    }

    @Test
    void aLateTierIsSkippedAtItsDeadlineAndLeftToFinishUninterrupted() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Tier slow = tier(Duration.ofMillis(100), c -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            finished.countDown();
            return new TierOutcome.Undecided("too late");
        });
        long start = System.nanoTime();
        TierOutcome outcome = deadlines.run(slow, context());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(outcome).isEqualTo(new TierOutcome.Skipped("no answer within 100 ms"));
        assertThat(millis).isGreaterThanOrEqualTo(100).isLessThan(5_000);
        // The abandoned call keeps its thread (and its connection) until it ends by itself.
        release.countDown();
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).as("the late tier is not interrupted").isFalse();
    }

    @Test
    void aFailingTierIsSkippedNamingTheFailure() {
        Tier failing = tier(Duration.ofSeconds(2), c -> {
            throw new IllegalStateException("boom");
        });
        assertThat(deadlines.run(failing, context()))
                .isEqualTo(new TierOutcome.Skipped("failed: IllegalStateException"));
    }

    @Test
    void anInProcessTierRunsInlineWithoutADeadline() {
        Thread caller = Thread.currentThread();
        TierOutcome outcome = deadlines.run(tier(Duration.ZERO, c -> new TierOutcome.Undecided(
                Thread.currentThread() == caller ? "inline" : "elsewhere")), context());
        assertThat(outcome).isEqualTo(new TierOutcome.Undecided("inline"));
    }
}
