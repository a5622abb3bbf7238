package io.triage.classify.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies parsed for assertions, so that a test checks a value at its place in the document instead of a
 * substring anywhere in the text.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** The parsed body. */
    public static JsonNode parse(String body) {
        return MAPPER.readTree(body);
    }

    /** The parsed body of {@code response}. */
    public static JsonNode parse(HttpResponse<String> response) {
        return parse(response.body());
    }

    /** The elements of a JSON array (none for anything else), for AssertJ's collection assertions. */
    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(elements::add);
        }
        return elements;
    }
}
