package io.triage.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RefreshingSnapshotTests {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    private RefreshingSnapshot<Integer> counting(Duration maxAge) {
        return new RefreshingSnapshot<>("counter", reads::incrementAndGet, () -> maxAge, now::get);
    }

    @Test
    void readsOnFirstUseAndAnswersFromMemoryWhileFresh() {
        RefreshingSnapshot<Integer> snapshot = counting(Duration.ofSeconds(30));

        assertThat(snapshot.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(snapshot.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void anOldValueIsStillAnsweredWhileOneBackgroundReadReplacesIt() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger value = new AtomicInteger();
        RefreshingSnapshot<Integer> snapshot = new RefreshingSnapshot<>("slow", () -> {
            int read = value.incrementAndGet();
            if (read > 1) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read;
        }, () -> Duration.ofSeconds(1), now::get);
        assertThat(snapshot.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        // Both calls answer at once with the old value; only one read runs meanwhile.
        assertThat(snapshot.get()).isEqualTo(1);
        assertThat(snapshot.get()).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(snapshot::get, v -> v == 2);
        assertThat(value).hasValue(2);
    }

    @Test
    void aFailedBackgroundReadKeepsThePreviousValueAndIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        RefreshingSnapshot<String> snapshot = new RefreshingSnapshot<>("flaky", () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database down");
            }
            return "read " + calls.get();
        }, () -> Duration.ofSeconds(1), now::get);
        assertThat(snapshot.get()).isEqualTo("read 1");
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(snapshot.get()).isEqualTo("read 1");
        await().atMost(Duration.ofSeconds(5)).until(calls::get, c -> c == 2);
        await().atMost(Duration.ofSeconds(5)).until(snapshot::get, "read 3"::equals);
    }

    @Test
    void refreshReadsAtOnceAndAFirstReadFailureReachesTheCaller() {
        RefreshingSnapshot<Integer> snapshot = counting(Duration.ofHours(1));
        assertThat(snapshot.get()).isEqualTo(1);
        snapshot.refresh();
        assertThat(snapshot.get()).isEqualTo(2);

        RefreshingSnapshot<Integer> broken = new RefreshingSnapshot<>("broken", () -> {
            throw new IllegalStateException("no database");
        }, () -> Duration.ofHours(1));
        assertThatThrownBy(broken::get).hasMessage("no database");
    }
}
