package io.triage.platform.client;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.platform.PlatformProperties.Resilience;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnavailableException;

/**
 * Calls another service through a retry (transient failures only, exponential backoff with jitter) inside a
 * circuit breaker per downstream. Use {@link #call} where the caller cannot do without the answer (a failure becomes
 * 503 with Retry-After) and {@link #callOrElse} on hot paths that have a documented fallback.
 */
public final class ResilientCalls {

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Resilience settings;

    public ResilientCalls(Resilience settings, MeterRegistry meters) {
        this.settings = settings;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openStateWait())
                .recordException(TransientFailures::isTransient)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                        settings.backoffMultiplier(), settings.jitter()))
                .retryOnException(TransientFailures::isTransient)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }

    /** The answer of {@code downstream}; if it stays unavailable, a 503 {@link ProblemException}. */
    public <T> T call(String downstream, Supplier<T> call) {
        return callOrElse(downstream, call, failure -> {
            if (failure instanceof CallNotPermittedException || TransientFailures.isTransient(failure)) {
                throw new UnavailableException(downstream + " is unavailable", settings.openStateWait());
            }
            throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
        });
    }

    /** The answer of {@code downstream}, or the fallback's when it fails or its circuit is open. */
    public <T> T callOrElse(String downstream, Supplier<T> call, Function<Throwable, T> fallback) {
        CircuitBreaker breaker = breakers.circuitBreaker(downstream);
        Retry retry = retries.retry(downstream);
        Supplier<T> decorated = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call));
        try {
            return decorated.get();
        } catch (RuntimeException e) {
            return fallback.apply(e);
        }
    }

    /** The state of the circuit for {@code downstream} (CLOSED, OPEN, HALF_OPEN …), for health and tests. */
    public CircuitBreaker.State state(String downstream) {
        return breakers.circuitBreaker(downstream).getState();
    }
}
