package io.triage.audit;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/** Decision events as classify-service sends them, for tests. */
final class Decisions {

    private Decisions() {
    }

    static String event(UUID eventId, String ticketId) {
        return event(eventId, ticketId, "ML", "billing", "0.91", "email", "en", "retail");
    }

    static String event(UUID eventId, String ticketId, String routingMethod, @Nullable String department,
            String confidence, String channel, String language, String segment) {
        return """
                {"eventId":"%s","ticketId":"%s","userId":"agent-7","modelVersion":"m-2026.11.1",
                 "ruleSetVersion":"rs-12","routingMethod":"%s",
                 "prediction":{"department":%s,"urgency":"high","sentiment":"negative"},
                 "confidence":%s,"decidedAt":"2026-11-25T10:15:30.123456789Z","channel":"%s","language":"%s",
                 "customerSegment":"%s","tierLatenciesMicros":{"rules":120,"ml":840},"traceId":"4bf92f3577b34da6"}
                """.formatted(eventId, ticketId, routingMethod, department == null ? "null" : "\"" + department + "\"",
                confidence, channel, language, segment);
    }

    static String batch(int size, String ticketPrefix) {
        return IntStream.range(0, size).mapToObj(i -> event(UUID.randomUUID(), ticketPrefix + i))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
