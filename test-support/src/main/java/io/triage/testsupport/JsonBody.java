package io.triage.testsupport;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.springframework.test.json.JsonContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A response body parsed for assertions, so that a test checks a value at its place in the document instead of a
 * substring anywhere in the text: either by JSON path (Spring's {@link JsonContent}),
 * {@code assertThat(json(response)).extractingPath("$.status").isEqualTo("COMPLETED")}, or as a Jackson tree,
 * {@code tree(response).path("status").asString()}.
 */
public final class JsonBody {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonBody() {
    }

    /** The response's body as JSON content. */
    public static JsonContent json(HttpResponse<String> response) {
        return new JsonContent(response.body());
    }

    /** This text as JSON content. */
    public static JsonContent json(String body) {
        return new JsonContent(body);
    }

    /** The response's body as a Jackson tree. */
    public static JsonNode tree(HttpResponse<String> response) {
        return tree(response.body());
    }

    /** This text as a Jackson tree. */
    public static JsonNode tree(String body) {
        return MAPPER.readTree(body);
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
