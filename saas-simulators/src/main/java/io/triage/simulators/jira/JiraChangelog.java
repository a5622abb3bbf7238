package io.triage.simulators.jira;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.triage.simulators.SimJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code changelog} of a {@code jira:issue_updated} webhook: one item per changed field, with
 * {@code field, fieldtype, fieldId, from, fromString, to, toString}.
 */
final class JiraChangelog {

    private JiraChangelog() {
    }

    /** Items for the fields that differ between two renderings of an issue, ignoring {@code updated} and {@code ignored}. */
    static ObjectNode between(String id, JsonNode before, JsonNode after, Collection<String> ignored) {
        ObjectNode changelog = SimJson.object().put("id", id);
        ArrayNode items = changelog.putArray("items");
        Map<String, JsonNode> old = new LinkedHashMap<>();
        before.get("fields").properties().forEach(e -> old.put(e.getKey(), e.getValue()));
        after.get("fields").properties().forEach(e -> {
            String field = e.getKey();
            JsonNode previous = old.get(field);
            if (!field.equals("updated") && !ignored.contains(field) && !e.getValue().equals(previous)) {
                ObjectNode item = items.addObject().put("field", field)
                        .put("fieldtype", field.startsWith("customfield_") ? "custom" : "jira").put("fieldId", field);
                item.put("from", idOf(previous)).put("fromString", display(previous));
                item.put("to", idOf(e.getValue())).put("toString", display(e.getValue()));
            }
        });
        return changelog;
    }

    private static @Nullable String idOf(@Nullable JsonNode value) {
        return value == null || !value.isObject() ? null : value.path("id").asString(value.path("accountId").asString(null));
    }

    private static @Nullable String display(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asString()));
            return String.join(" ", parts);
        }
        if (Adf.isDoc(value)) {
            return Adf.text(value);
        }
        return value.isObject() ? value.path("name").asString(value.path("displayName").asString(null)) : value.asString();
    }
}
