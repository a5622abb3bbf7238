package io.triage.simulators;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What a route answers.
 *
 * @param status  HTTP status
 * @param headers response headers (one value each)
 * @param body    body bytes, empty for none
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, new LinkedHashMap<>(Map.of("Content-Type", "application/json;charset=UTF-8")),
                SimJson.MAPPER.writeValueAsBytes(body));
    }

    public static SimResponse text(int status, String body) {
        return new SimResponse(status, new LinkedHashMap<>(Map.of("Content-Type", "text/plain;charset=UTF-8")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    /** This response with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
