package io.triage.testsupport;

import java.net.http.HttpResponse;

import org.springframework.test.json.JsonContent;

/**
 * A response body for AssertJ JSON assertions by JSON path (Spring's {@link JsonContent}), instead of searching the
 * raw text: {@code assertThat(json(response)).extractingPath("$.status").isEqualTo("COMPLETED")}.
 */
public final class JsonBody {

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
}
