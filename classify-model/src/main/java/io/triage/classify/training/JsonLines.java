package io.triage.classify.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines: one flat object per non-blank line; values must be strings (or null). */
final class JsonLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLines() {
    }

    static List<TrainingFileReader.Row> rows(String content) {
        List<TrainingFileReader.Row> rows = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            rows.add(new TrainingFileReader.Row(i + 1, cells(lines[i], i + 1)));
        }
        return rows;
    }

    private static Map<String, String> cells(String line, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new TrainingDataException("malformed JSON: " + e.getOriginalMessage(), number);
        }
        if (node == null || !node.isObject()) {
            throw new TrainingDataException("expected one JSON object per line", number);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (!value.isNull() && !value.isValueNode()) {
                throw new TrainingDataException("field '" + field.getKey() + "' must be a string", number);
            }
            cells.put(field.getKey(), value.isNull() ? "" : value.asString());
        }
        return cells;
    }
}
