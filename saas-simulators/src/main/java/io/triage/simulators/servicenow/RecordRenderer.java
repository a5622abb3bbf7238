package io.triage.simulators.servicenow;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.triage.simulators.SimJson;
import io.triage.simulators.SimRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a stored row as the Table API does: {@code sysparm_fields} (unknown names ignored),
 * {@code sysparm_display_value} ({@code false} raw, {@code true} display strings, {@code all} both),
 * {@code sysparm_exclude_reference_link}; references as {@code {link, value}}, journal fields as {@code ""}.
 */
final class RecordRenderer {

    private final ServiceNowSettings settings;
    private final DisplayValues displayValues;
    private final Supplier<URI> baseUri;

    RecordRenderer(ServiceNowSettings settings, DisplayValues displayValues, Supplier<URI> baseUri) {
        this.settings = settings;
        this.displayValues = displayValues;
        this.baseUri = baseUri;
    }

    /** {@code row} as the Table API returns it for {@code request} (null: all columns, raw values). */
    ObjectNode render(Table table, Map<String, String> row, @Nullable SimRequest request) {
        String fieldsParam = request == null ? null : request.param("sysparm_fields");
        List<String> wanted = fieldsParam == null || fieldsParam.isBlank() ? table.columns()
                : List.of(fieldsParam.split(",")).stream().map(String::trim).filter(table.columns()::contains).toList();
        boolean noLink = request != null && "true".equals(request.param("sysparm_exclude_reference_link"));
        String mode = request == null ? "false" : request.param("sysparm_display_value", "false");
        ObjectNode node = SimJson.object();
        for (String column : wanted) {
            String value = table.journal(column) ? "" : row.getOrDefault(column, "");
            String target = table.referenceTarget(column);
            String display = displayValues.of(column, value, target);
            boolean reference = target != null && !value.isEmpty();
            String link = reference && !noLink ? baseUri.get() + "/api/now/table/" + target + "/" + value : null;
            switch (mode) {
                case "all" -> {
                    ObjectNode both = node.putObject(column).put("display_value", display);
                    if (link != null) {
                        both.put("link", link);
                    }
                    both.put("value", value);
                }
                case "true" -> {
                    if (reference) {
                        ObjectNode shown = node.putObject(column).put("display_value", display);
                        if (link != null && settings.displayReferencesKeepLink()) {
                            shown.put("link", link);
                        }
                    } else {
                        node.put(column, display);
                    }
                }
                default -> {
                    if (reference) {
                        ObjectNode raw = node.putObject(column);
                        if (link != null) {
                            raw.put("link", link);
                        }
                        raw.put("value", value);
                    } else {
                        node.put(column, value);
                    }
                }
            }
        }
        return node;
    }
}
