package io.triage.simulators;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request as a simulator received it, so tests and the demo can show what a client wrote.
 *
 * @param receivedAt when it arrived
 * @param method     HTTP method
 * @param path       request path, without the query
 * @param query      raw query string, empty when none
 * @param headers    headers with lower-case names
 * @param body       raw body bytes
 */
public record RecordedRequest(Instant receivedAt, String method, String path, String query,
                              Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header (name case-insensitive), or null. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
