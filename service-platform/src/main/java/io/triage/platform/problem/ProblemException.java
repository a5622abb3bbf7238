package io.triage.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller caused or must know about, named by what went wrong (not found, conflict, invalid, unavailable
 * ...) rather than by an HTTP status. Domain and adapter code throw its subclasses; the one web advice in
 * service-platform ({@code ProblemDetailsAdvice}) renders each as an RFC 9457 ProblemDetail, and only that advice
 * knows the status codes. Plain Java: nothing here imports Spring.
 */
public abstract sealed class ProblemException extends RuntimeException
        permits InvalidInputException, UnusableInputException, NotFoundException, ConflictException,
        TooLargeException, UnavailableException, UnauthenticatedException, InternalFailureException {

    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(String title, String detail) {
        super(detail, null, false, false);
        this.title = title;
    }

    /** Adds a ProblemDetail extension member, e.g. {@code line}, {@code column}, {@code errors}. */
    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    /** Short, human-readable summary of the kind of problem. */
    public String title() {
        return title;
    }

    /** Extension members, in the order they were added. */
    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
