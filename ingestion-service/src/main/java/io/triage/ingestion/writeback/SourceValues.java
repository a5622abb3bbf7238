package io.triage.ingestion.writeback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.triage.ingestion.mapping.MappedValues;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A ticket's group and priority fields as its source shows them, in mapping vocabulary ({@link MappedValues#observed}),
 * from the fields ingestion-service keeps with each ticket: ServiceNow {@code assignment_group}, {@code urgency},
 * {@code impact}; Zendesk {@code group_id}, {@code assignee_id} and its priority; Jira {@code team}, {@code assignee},
 * {@code components} and its priority.
 */
final class SourceValues {

    private SourceValues() {
    }

    static Map<String, Object> of(TicketSource source, JsonNode fields, @Nullable String priority) {
        Map<String, Object> values = new HashMap<>();
        for (String key : MappedValues.observed(source)) {
            JsonNode value = fields.path(key);
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asString()));
                values.put(key, items);
            } else if (value.isString() || value.isNumber()) {
                values.put(key, value.asString());
            }
        }
        if (priority != null && (source == TicketSource.ZENDESK || source == TicketSource.JIRA)) {
            values.put("priority", priority);
        }
        return values;
    }

    /** The values after {@code plan} is written: its fields replace the observed ones. */
    static Map<String, Object> after(Map<String, Object> observed, WriteBackPlan plan) {
        Map<String, Object> values = new HashMap<>(observed);
        Set<String> keys = MappedValues.observed(plan.source());
        plan.fields().forEach((key, value) -> {
            if (keys.contains(key)) {
                values.put(key, value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : String.valueOf(value));
            }
        });
        return values;
    }
}
