package io.triage.platform.events;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of every {@code @Async} method without an executor name, which in this suite are the event
 * listeners: at most {@code triage.platform.events.listener-concurrency} at once, up to
 * {@code listener-queue-capacity} waiting. Without it they ran on Boot's virtual-thread executor, unbounded, so a
 * burst of events opened as many outbound calls (and, in a transactional listener, pooled connections) as it had
 * events. A refused invocation is counted ({@code events_listener_rejected_total}); its publication stays incomplete
 * and the service's redelivery sends it again, so nothing is lost, and the committing request is not held up.
 *
 * <p>Not an {@link Executor} bean, so Boot's {@code applicationTaskExecutor} (exports, pulls) stays as it is.
 */
class ListenerExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ListenerExecution(EventProperties properties, MeterRegistry meters) {
        Counter rejected = Counter.builder("events.listener.rejected")
                .description("Event listener invocations refused because all listener threads and the queue were busy")
                .register(meters);
        executor.setCorePoolSize(properties.listenerConcurrency());
        executor.setMaxPoolSize(properties.listenerConcurrency());
        executor.setQueueCapacity(properties.listenerQueueCapacity());
        executor.setVirtualThreads(true);
        executor.setThreadNamePrefix("event-listener-");
        // The listener runs in the trace of the request that published the event (the observation, and with it the
        // span, is carried over), so its calls to other services join that trace. A publication redelivered later
        // (incomplete after a crash or a failure) has no request left and starts a trace of its own.
        executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
        executor.setRejectedExecutionHandler((task, pool) -> {
            rejected.increment();
            throw new RejectedExecutionException("All " + properties.listenerConcurrency()
                    + " event listener threads and the queue are busy; the publication is delivered again later");
        });
        // Deliveries cut short by a shutdown are incomplete publications, delivered again after the restart.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    /** Listener threads busy now (for tests and diagnostics). */
    int active() {
        return executor.getActiveCount();
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
