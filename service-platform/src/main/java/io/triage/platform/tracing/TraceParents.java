package io.triage.platform.tracing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * W3C Trace Context {@code traceparent} values for work that outlives its request: the request stores
 * {@link #current()} beside the work (an outbox row), and whoever does the work later starts its span with
 * {@link #resume}, so the trace goes on where the request left it instead of breaking at the table.
 *
 * <p>One stored value becomes the new span's parent: the trace continues, through the HTTP call the work makes, into
 * the next service. Several (a batch made of many requests' work) cannot all be the parent: the span starts a trace
 * of its own and links to each, which is how OpenTelemetry models a batch (a span link per message).
 */
public final class TraceParents {

    /** version 00: trace id, parent span id, flags; lower-case hex only, as the specification writes it. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    private final ObjectProvider<Tracer> tracer;

    public TraceParents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current span as a {@code traceparent}, or null outside a trace (or without tracing). */
    public @Nullable String current() {
        Tracer t = tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        Boolean sampled = context.sampled();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(sampled) ? "01" : "00");
    }

    /**
     * Starts (not in scope: the caller opens it with {@link Tracer#withSpan}) a span named {@code name} for work
     * queued by the requests whose {@code traceparent}s are given: their child when they are all one, otherwise a new
     * trace linked to each. Values that are null or not a {@code traceparent} are ignored; with none left it is a
     * new trace. Without tracing, a no-op span.
     */
    public Span resume(String name, List<String> traceparents) {
        Tracer t = tracer.getIfAvailable();
        if (t == null) {
            return Span.NOOP;
        }
        Set<TraceContext> parents = new LinkedHashSet<>();
        for (String value : traceparents) {
            parse(t, value).ifPresent(parents::add);
        }
        Span.Builder span = t.spanBuilder().name(name);
        if (parents.size() == 1) {
            return span.setParent(parents.iterator().next()).start();
        }
        span.setNoParent();
        for (TraceContext parent : new ArrayList<>(parents)) {
            span.addLink(new Link(parent));
        }
        return span.start();
    }

    /** The context a valid {@code traceparent} names. */
    static Optional<TraceContext> parse(Tracer tracer, @Nullable String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher parts = TRACEPARENT.matcher(traceparent);
        if (!parts.matches() || parts.group(1).equals(INVALID_TRACE) || parts.group(2).equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        boolean sampled = (Integer.parseInt(parts.group(3), 16) & 1) == 1;
        return Optional.of(tracer.traceContextBuilder().traceId(parts.group(1)).spanId(parts.group(2))
                .sampled(sampled).build());
    }
}
