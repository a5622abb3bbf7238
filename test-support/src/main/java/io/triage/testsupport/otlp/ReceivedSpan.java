package io.triage.testsupport.otlp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One span as a service exported it over OTLP, ids in lower-case hex as in a W3C {@code traceparent}.
 *
 * @param service      the exporting service ({@code service.name} of its resource)
 * @param name         the span's name
 * @param traceId      32 hex digits
 * @param spanId       16 hex digits
 * @param parentSpanId the parent's 16 hex digits, or {@code null} for a root span
 * @param kind         {@code SERVER}, {@code CLIENT}, {@code INTERNAL}, …
 * @param attributes   the span's attributes, values as strings
 * @param links        the spans this one links to (e.g. the request whose outbox row it relays)
 * @param duration     end minus start
 */
public record ReceivedSpan(String service, String name, String traceId, String spanId, @Nullable String parentSpanId,
        String kind, Map<String, String> attributes, List<Link> links, Duration duration) {

    /** A link to another span, possibly of another trace. */
    public record Link(String traceId, String spanId) {
    }

    /** Whether this span belongs to {@code trace} as a member or points to it by a link. */
    public boolean joins(String trace) {
        return traceId.equals(trace) || links.stream().anyMatch(link -> link.traceId().equals(trace));
    }

    @Override
    public String toString() {
        return service + " " + kind + " '" + name + "' trace=" + traceId + " span=" + spanId + " parent="
                + parentSpanId + " links=" + links + " " + attributes;
    }
}
