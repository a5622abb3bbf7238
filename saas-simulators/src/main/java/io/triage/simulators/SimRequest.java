package io.triage.simulators;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A parsed request handed to a simulator's routes.
 *
 * @param recorded the raw request
 * @param params   decoded query parameters (first value wins)
 */
public record SimRequest(RecordedRequest recorded, Map<String, String> params) {

    static SimRequest of(RecordedRequest recorded) {
        return new SimRequest(recorded, decodeForm(recorded.query()));
    }

    /** Decodes {@code a=1&b=2} as a query string or form body; the first value of a repeated name wins. */
    public static Map<String, String> decodeForm(@Nullable String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    public String method() {
        return recorded.method();
    }

    public String path() {
        return recorded.path();
    }

    /** The decoded query parameter, or null when the request has none of that name. */
    public @Nullable String param(String name) {
        return params.get(name);
    }

    public String param(String name, String fallback) {
        return params.getOrDefault(name, fallback);
    }

    /** The first value of a header (name case-insensitive), or null. */
    public @Nullable String header(String name) {
        return recorded.header(name);
    }

    public String bodyText() {
        return recorded.bodyText();
    }

    /** The body as JSON; throws {@link BadRequest} when it is not JSON. */
    public JsonNode json() {
        try {
            return SimJson.MAPPER.readTree(recorded.body());
        } catch (RuntimeException e) {
            throw new BadRequest("body is not JSON: " + e.getMessage());
        }
    }

    /** Signals a malformed request; each simulator renders it in its own error shape. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
