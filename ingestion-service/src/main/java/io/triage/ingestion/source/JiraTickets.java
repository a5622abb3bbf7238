package io.triage.ingestion.source;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.SourceAttributes;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Jira issue (search result or webhook {@code issue}) as a ticket. The description is ADF in API v3 and becomes
 * plain text. Jira has no channel field: a JSM issue's request type (the field {@code request-type-field} names,
 * {@code {"requestType":{"name":…}}}) is mapped to a channel like other sources' channel values, and a plain Jira
 * issue carries none. Besides status, type, project and labels, the fields write-back sets are kept (components,
 * assignee, the Team field), so an agent's later change to them can be seen.
 */
@Component
public class JiraTickets {

    /** Jira's date-times, e.g. {@code 2024-05-01T09:30:41.978+0000}. */
    public static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final JsonMapper json;
    private final ChannelMapping channels;
    private final String requestTypeField;
    private final String teamField;

    JiraTickets(JsonMapper json, ChannelMapping channels, IngestionProperties properties) {
        this.json = json;
        this.channels = channels;
        this.requestTypeField = properties.sources().jira().requestTypeField();
        this.teamField = properties.sources().jira().teamField();
    }

    /** The issue fields a pull asks for besides the ones every ticket needs: the request type and the Team field. */
    public List<String> extraFields() {
        return Stream.of(requestTypeField, teamField, "components", "assignee").filter(f -> !f.isEmpty()).toList();
    }

    public SourceTicket normalise(JsonNode issue, String path) {
        String id = SourceJson.id(issue, "id", path + "id");
        JsonNode fields = SourceJson.object(issue, "fields", path + "fields");
        var updated = SourceJson.instant(fields, "updated", path + "fields.updated", JIRA_TIME);
        String key = SourceJson.optional(issue, "key");
        String summary = SourceJson.optional(fields, "summary");
        String requestType = requestTypeField.isEmpty() ? null
                : SourceJson.optional(fields.path(requestTypeField).path("requestType"), "name");
        NewTicket ticket = new NewTicket(TicketSource.JIRA, id, SourceJson.optional(fields.path("reporter"),
                "accountId"), channels.map(TicketSource.JIRA, requestType), SourceJson.bounded(summary, 1_000),
                SourceJson.bounded(PlainText.fromAdf(fields.get("description")), 32_000), updated);
        ObjectNode kept = json.createObjectNode();
        if (key != null) {
            kept.put("key", key);
        }
        putName(kept, "status", fields.path("status"));
        putName(kept, "issuetype", fields.path("issuetype"));
        String project = SourceJson.optional(fields.path("project"), "key");
        if (project != null) {
            kept.put("project", project);
        }
        if (fields.path("labels").isArray()) {
            kept.set("labels", fields.get("labels"));
        }
        if (requestType != null) {
            kept.put("request_type", requestType);
        }
        String assignee = SourceJson.optional(fields.path("assignee"), "accountId");
        if (assignee != null) {
            kept.put("assignee", assignee);
        }
        if (fields.path("components").isArray()) {
            ArrayNode components = kept.putArray("components");
            fields.get("components").forEach(c -> {
                String name = SourceJson.optional(c, "name");
                if (name != null) {
                    components.add(name);
                }
            });
        }
        String team = teamField.isEmpty() ? null : team(fields.path(teamField));
        if (team != null) {
            kept.put("team", team);
        }
        return new SourceTicket(ticket, new SourceAttributes(key,
                SourceJson.optional(fields.path("priority"), "name"),
                SourceJson.optionalInstant(fields, "created", JIRA_TIME), json.writeValueAsString(kept)));
    }

    /** The Team field's value: a team id as a string, or an object with an {@code id}. */
    private static @Nullable String team(JsonNode value) {
        if (value.isString() && !value.asString().isBlank()) {
            return SourceJson.bounded(value.asString(), 128);
        }
        return SourceJson.optional(value, "id");
    }

    private static void putName(ObjectNode kept, String field, JsonNode value) {
        String name = SourceJson.optional(value, "name");
        if (name != null) {
            kept.put(field, name);
        }
    }
}
