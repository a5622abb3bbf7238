package io.triage.ingestion.source;

import java.time.format.DateTimeFormatter;

import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.SourceAttributes;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Jira issue (search result or webhook {@code issue}) as a ticket. The description is ADF in API v3 and becomes
 * plain text; Jira has no channel, so tickets from it carry none.
 */
@Component
public class JiraTickets {

    /** Jira's date-times, e.g. {@code 2024-05-01T09:30:41.978+0000}. */
    public static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final JsonMapper json;

    JiraTickets(JsonMapper json) {
        this.json = json;
    }

    public SourceTicket normalise(JsonNode issue, String path) {
        String id = SourceJson.required(issue, "id", path + "id");
        JsonNode fields = SourceJson.object(issue, "fields", path + "fields");
        var updated = SourceJson.instant(fields, "updated", path + "fields.updated", JIRA_TIME);
        String key = SourceJson.optional(issue, "key");
        String summary = SourceJson.optional(fields, "summary");
        NewTicket ticket = new NewTicket(TicketSource.JIRA, id, SourceJson.optional(fields.path("reporter"),
                "accountId"), null, SourceJson.bounded(summary, 1_000),
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
        return new SourceTicket(ticket, new SourceAttributes(key,
                SourceJson.optional(fields.path("priority"), "name"),
                SourceJson.optionalInstant(fields, "created", JIRA_TIME), json.writeValueAsString(kept)));
    }

    private static void putName(ObjectNode kept, String field, JsonNode value) {
        String name = SourceJson.optional(value, "name");
        if (name != null) {
            kept.put(field, name);
        }
    }
}
