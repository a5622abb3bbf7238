package io.triage.classify.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.triage.classify.taxonomy.Labels;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict JSON schema the LLM must answer in, and its validation: an answer is used only when it is one JSON
 * object with exactly the five fields, every label from the taxonomy as it is at the call and the confidence in
 * [0, 1].
 */
final class AnswerSchema {

    static final List<String> FIELDS = List.of("department", "urgency", "sentiment", "confidence", "reason");

    private AnswerSchema() {
    }

    /** The schema as a JSON-schema map (sent as {@code response_format.json_schema.schema}). */
    static Map<String, Object> schema(Labels labels) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("department", Map.of("type", "string", "enum", labels.departments()));
        properties.put("urgency", Map.of("type", "string", "enum", labels.urgencies()));
        properties.put("sentiment", Map.of("type", "string", "enum", labels.sentiments()));
        properties.put("confidence", Map.of("type", "number", "minimum", 0, "maximum", 1));
        properties.put("reason", Map.of("type", "string", "maxLength", 300));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", FIELDS);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The validated answer, or empty when {@code content} breaks the schema in any way. */
    static Optional<LlmAnswer> parse(JsonMapper json, String content, Labels labels) {
        JsonNode node;
        try {
            node = json.readTree(content.strip());
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || node.size() != FIELDS.size()) {
            return Optional.empty();
        }
        for (String field : FIELDS) {
            if (!node.has(field)) {
                return Optional.empty();
            }
        }
        String department = text(node, "department");
        String urgency = text(node, "urgency");
        String sentiment = text(node, "sentiment");
        JsonNode confidence = node.get("confidence");
        if (!labels.departments().contains(department) || !labels.urgencies().contains(urgency)
                || !labels.sentiments().contains(sentiment) || !confidence.isNumber()
                || confidence.asDouble() < 0 || confidence.asDouble() > 1 || !node.get("reason").isString()) {
            return Optional.empty();
        }
        return Optional.of(new LlmAnswer(department, urgency, sentiment, confidence.asDouble(),
                text(node, "reason")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : "";
    }
}
