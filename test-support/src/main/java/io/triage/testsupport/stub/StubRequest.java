package io.triage.testsupport.stub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One request a {@link StubServer} received, as it arrived: method, path, query, headers and body.
 */
public final class StubRequest {

    private final String method;
    private final String path;
    private final @Nullable String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    StubRequest(String method, String path, @Nullable String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = copy;
        this.body = body.clone();
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The decoded path, without the query. */
    public String path() {
        return path;
    }

    /** The query string as sent (still URL-encoded), or null when there was none. */
    public @Nullable String rawQuery() {
        return rawQuery;
    }

    /** The decoded query parameters, in the order sent; a parameter without {@code =} has the value "". */
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The first value of a query parameter, decoded, or null when it was not sent. */
    public @Nullable String query(String name) {
        List<String> values = queryParameters().get(name);
        return values == null ? null : values.getFirst();
    }

    /** The first value of a header (name case-insensitive), or null when it was not sent. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Every header, by case-insensitive name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body's bytes (empty when there was none). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
