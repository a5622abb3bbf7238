package io.triage.testsupport.stub;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer a {@link StubServer} sends: status, headers and body. Immutable; {@link #withHeader} returns a copy.
 */
public final class StubReply {

    private static final String JSON = "application/json";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private StubReply(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    /** 200 with this JSON body. */
    public static StubReply json(String json) {
        return json(200, json);
    }

    /** This status with this JSON body. */
    public static StubReply json(int status, String json) {
        return bytes(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** This status and no body. */
    public static StubReply status(int status) {
        return new StubReply(status, Map.of(), new byte[0]);
    }

    /** This status with a body of this content type. */
    public static StubReply bytes(int status, String contentType, byte[] body) {
        return new StubReply(status, Map.of("Content-Type", contentType), body.clone());
    }

    /** A copy that also sends this header (replacing one of the same name). */
    public StubReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StubReply(status, more, body);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The headers to send. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body's bytes (empty for none). */
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }
}
