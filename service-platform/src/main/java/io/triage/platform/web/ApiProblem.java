package io.triage.platform.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure that the caller caused or must know about, rendered once as an RFC 9457 ProblemDetail by
 * {@link ProblemDetailsAdvice}. Adapters translate their own exceptions into this; nothing else reaches the caller.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final @Nullable Duration retryAfter;

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    private ApiProblem(HttpStatus status, String title, String detail, @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    /** 400 for a value the caller sent; {@code field} names it (dotted path for nested values). */
    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail).with("field", field);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", detail);
    }

    /** 503 with a {@code Retry-After} header: a dependency is down and the caller should come back later. */
    public static ApiProblem unavailable(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, retryAfter);
    }

    /** Adds a ProblemDetail extension member, e.g. {@code line}, {@code column}, {@code errors}. */
    public ApiProblem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
