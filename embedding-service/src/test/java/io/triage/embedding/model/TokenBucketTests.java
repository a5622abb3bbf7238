package io.triage.embedding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

    final AtomicLong now = new AtomicLong();
    final TokenBucket bucket = new TokenBucket(60, now::get);

    @Test
    void aFullBucketGrantsTheBurstAtOnce() {
        assertThat(bucket.reserve(60)).isZero();
    }

    @Test
    void beyondTheBudgetACallerWaitsForTheRefill() {
        bucket.reserve(60);
        assertThat(bucket.reserve(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.reserve(1)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void timeRefillsTheBucketUpToItsCapacity() {
        bucket.reserve(60);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(bucket.reserve(30)).isZero();
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(bucket.reserve(60)).isZero();
        assertThat(bucket.reserve(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRequestLargerThanTheCapacityWaitsProportionally() {
        assertThat(bucket.reserve(120)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aNonPositiveRateIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, now::get));
    }
}
