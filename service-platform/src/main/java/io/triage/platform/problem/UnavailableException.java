package io.triage.platform.problem;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * This service cannot do it now because something it needs is down or misconfigured (503). A transient outage carries
 * {@link #retryAfter()} (sent as Retry-After); a misconfiguration that waiting will not cure carries none.
 */
public final class UnavailableException extends ProblemException {

    private final @Nullable Duration retryAfter;

    /** A transient outage: the caller should come back after {@code retryAfter}. */
    public UnavailableException(String detail, Duration retryAfter) {
        super("Service unavailable", detail);
        this.retryAfter = retryAfter;
    }

    /** Unavailable until an operator acts, e.g. refused credentials: no Retry-After. */
    public UnavailableException(String detail) {
        super("Service unavailable", detail);
        this.retryAfter = null;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
