package io.triage.ingestion.writeback;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The field names a source's refusal points at (Jira {@code errors}, Zendesk {@code details}), so a dead letter says
 * which mapped field to fix. Names only: never values or the rest of the body.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** {@code " (fields: a, b)"}, or empty when the body names none. */
    static String fieldsNamed(RestClientResponseException e) {
        List<String> names = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(e.getResponseBodyAsString());
            body.path("errors").propertyNames().forEach(names::add);
            body.path("details").propertyNames().forEach(names::add);
        } catch (RuntimeException notJson) {
            return "";
        }
        return names.isEmpty() ? "" : " (fields: " + String.join(", ", names.stream().limit(10).toList()) + ")";
    }
}
