package io.triage.ingestion.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.platform.client.TransientFailures;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpStatusCodeException;

/**
 * Calls to one ticketing system: transient failures (I/O, 429, 5xx, as the platform's {@link TransientFailures}
 * defines them) are retried with exponential backoff and jitter, a few times; a {@code Retry-After} (429, and some
 * 503s) is honoured instead of the backoff, up to {@code max-retry-after} — a longer wait fails the pull, which the
 * next run resumes from the committed watermark.
 */
public final class SourceCalls {

    private final Retry retry;

    public SourceCalls(String name, Source settings) {
        Duration cap = settings.maxRetryAfter();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.5);
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .retryOnException(failure -> TransientFailures.isTransient(failure)
                        && retryAfter(failure).map(wait -> wait.compareTo(cap) <= 0).orElse(true))
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, either) -> (either.isLeft()
                        ? retryAfter(either.getLeft()) : Optional.<Duration>empty())
                        .map(Duration::toMillis).orElseGet(() -> backoff.apply(attempt)))
                .build());
    }

    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, call).get();
    }

    /** The {@code Retry-After} of a refused call, in seconds as the sources send it. */
    public static Optional<Duration> retryAfter(Throwable failure) {
        if (failure instanceof HttpStatusCodeException status && status.getResponseHeaders() != null) {
            String value = status.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            if (value != null && value.strip().matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            }
        }
        return Optional.empty();
    }
}
