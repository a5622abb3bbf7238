package io.triage.classify.lifecycle.mlflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.client.TransientFailures;
import io.triage.platform.problem.UnavailableException;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Every call to MLflow goes through here: within {@code callTimeout} (the Java client sets no socket timeouts, so
 * the call runs on a virtual thread under a Resilience4j {@link TimeLimiter} that interrupts it when the time is
 * up), then through the platform's retry and circuit breaker named {@value #DOWNSTREAM}. The client's exceptions are
 * translated into the HTTP exceptions the platform classifies (I/O, 429 and 5xx are transient); a call that still
 * fails becomes a 503 "MLflow unreachable". A non-transient answer (404 for a missing version, 400 for a bad
 * request) reaches the caller unchanged.
 */
final class MlflowCalls {

    static final String DOWNSTREAM = "mlflow";

    private final ResilientCalls calls;
    private final String trackingUri;
    private final Duration callTimeout;
    private final Duration retryAfter;
    private final TimeLimiter limiter;

    MlflowCalls(ResilientCalls calls, String trackingUri, Duration callTimeout, Duration retryAfter) {
        this.calls = calls;
        this.trackingUri = trackingUri;
        this.callTimeout = callTimeout;
        this.retryAfter = retryAfter;
        this.limiter = TimeLimiter.of(DOWNSTREAM,
                TimeLimiterConfig.custom().timeoutDuration(callTimeout).cancelRunningFuture(true).build());
    }

    <T> T call(String what, Supplier<T> call) {
        return calls.callOrElse(DOWNSTREAM, () -> within(what, call), failure -> {
            if (failure instanceof CallNotPermittedException || TransientFailures.isTransient(failure)) {
                throw new UnavailableException("MLflow unreachable at " + trackingUri + " (" + what + ": "
                        + reason(failure) + ")", retryAfter);
            }
            if (failure instanceof HttpClientErrorException e && (e.getStatusCode().value() == 401
                    || e.getStatusCode().value() == 403)) {
                throw new UnavailableException("MLflow at "
                        + trackingUri + " refused the configured credentials (" + what + ": HTTP "
                        + e.getStatusCode().value() + ")");
            }
            throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
        });
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    private <T> T within(String what, Supplier<T> call) {
        FutureTask<T> task = new FutureTask<>(() -> translated(call));
        try {
            return limiter.executeFutureSupplier(() -> {
                Thread.ofVirtual().name("mlflow-call").start(task);
                return task;
            });
        } catch (TimeoutException e) {
            throw new ResourceAccessException("no answer within " + callTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ResourceAccessException(what + " interrupted");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (MlflowHttpException e) {
            throw httpFailure(e);
        } catch (MlflowClientException e) {
            // The client wraps I/O failures (connection refused, reset, interrupted) in its base exception; the
            // innermost message says what happened without naming exception classes.
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new ResourceAccessException(cause.getMessage() == null ? "I/O error" : cause.getMessage());
        }
    }

    /** MLflow's HTTP failure as the Spring exception the platform's retry and circuit breaker classify. */
    static RuntimeException httpFailure(MlflowHttpException e) {
        HttpStatusCode status = HttpStatusCode.valueOf(e.getStatusCode());
        byte[] body = e.getBodyMessage() == null ? new byte[0] : e.getBodyMessage().getBytes(StandardCharsets.UTF_8);
        String reason = e.getReasonPhrase() == null ? "" : e.getReasonPhrase();
        if (status.is5xxServerError()) {
            return HttpServerErrorException.create(status, reason, HttpHeaders.EMPTY, body, StandardCharsets.UTF_8);
        }
        return HttpClientErrorException.create(status, reason, HttpHeaders.EMPTY, body, StandardCharsets.UTF_8);
    }

    static boolean isNotFound(RuntimeException e) {
        return e instanceof HttpClientErrorException.NotFound;
    }

    static boolean isAlreadyExists(RuntimeException e) {
        return e instanceof HttpClientErrorException.BadRequest bad
                && bad.getResponseBodyAsString().contains("RESOURCE_ALREADY_EXISTS");
    }

    private static String reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit open after repeated failures";
        }
        if (failure instanceof HttpServerErrorException e) {
            return "HTTP " + e.getStatusCode().value();
        }
        if (failure instanceof HttpClientErrorException e) {
            return "HTTP " + e.getStatusCode().value();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
