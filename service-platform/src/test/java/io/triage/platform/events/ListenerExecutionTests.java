package io.triage.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskRejectedException;

/**
 * Asynchronous event listeners run on a bounded executor: a burst of events runs at most
 * {@code listener-concurrency} listeners at once and queues a bounded number; past that an invocation is refused and
 * counted instead of opening yet another outbound call (issue 19, item 7).
 */
class ListenerExecutionTests {

    @Test
    void aBurstRunsAtMostTheConfiguredListenersAtOnceAndRefusesBeyondTheQueue() throws InterruptedException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ListenerExecution execution = new ListenerExecution(new EventProperties(10, Duration.ofDays(1),
                Duration.ofMinutes(1), 2, 1), meters);
        Executor executor = execution.getAsyncExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        Runnable listener = () -> {
            ran.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            executor.execute(listener);
            executor.execute(listener);
            executor.execute(listener); // queued
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 2);

            assertThatThrownBy(() -> executor.execute(listener)).isInstanceOf(TaskRejectedException.class);
            assertThat(execution.active()).isEqualTo(2);
            assertThat(meters.get("events.listener.rejected").counter().count()).isEqualTo(1);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 3);
        execution.destroy();
    }
}
