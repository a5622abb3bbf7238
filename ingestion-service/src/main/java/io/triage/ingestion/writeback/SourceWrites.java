package io.triage.ingestion.writeback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.triage.ingestion.mapping.WriteBackPlan;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * A {@link WriteBackPlan} as the requests its source receives: a pure function, so the dry run shows exactly what the
 * clients send.
 * <ul>
 *   <li>ServiceNow: {@code PATCH /api/now/table/incident/{sys_id}} with the fields and {@code work_notes} = the note.</li>
 *   <li>Zendesk: {@code PUT /api/v2/tickets/{id}.json} with the fields and the note as a private comment, then
 *       {@code PUT /api/v2/tickets/{id}/tags.json} (adds tags; the ticket's own {@code tags} would replace them).</li>
 *   <li>Jira: {@code PUT /rest/api/3/issue/{id}} with {@code fields} and {@code update.labels} adds, then
 *       {@code POST /rest/api/3/issue/{id}/comment} with the note in ADF, internal for JSM
 *       ({@code sd.public.comment}).</li>
 * </ul>
 * Without the note (it is already in the ticket), only the fields and tags are sent; a request with nothing to set is
 * left out.
 */
public final class SourceWrites {

    private SourceWrites() {
    }

    /**
     * The requests of {@code plan} as a dry run shows them: with the note, and a Jira {@code team} under the key
     * {@code team}, since the site's Team field id takes a call to find (the client sends it under that id).
     */
    public static List<PlannedRequest> requests(WriteBackPlan plan) {
        return requests(plan, "team", true);
    }

    /**
     * The requests of {@code plan}.
     *
     * @param jiraTeamField the id of the Jira site's Team custom field ({@code customfield_NNNNN}); needed only when a
     *                      Jira plan sets {@code team}
     * @param withNote      whether the note is written (false when it is already there)
     * @throws UnwritablePlanException when the plan cannot be put on the wire (a Jira team without a Team field)
     */
    public static List<PlannedRequest> requests(WriteBackPlan plan, @Nullable String jiraTeamField, boolean withNote) {
        return switch (plan.source()) {
            case SERVICENOW -> serviceNow(plan, withNote);
            case ZENDESK -> zendesk(plan, withNote);
            case JIRA -> jira(plan, jiraTeamField, withNote);
            case IMPORT -> throw new UnwritablePlanException("imported tickets have no source to write back to");
        };
    }

    private static List<PlannedRequest> serviceNow(WriteBackPlan plan, boolean withNote) {
        Map<String, Object> body = new LinkedHashMap<>();
        // The Table API takes every value as a string.
        plan.fields().forEach((name, value) -> body.put(name, String.valueOf(value)));
        if (withNote) {
            body.put("work_notes", plan.note());
        }
        return body.isEmpty() ? List.of()
                : List.of(new PlannedRequest("PATCH", "/api/now/table/incident/" + segment(plan), body));
    }

    private static List<PlannedRequest> zendesk(WriteBackPlan plan, boolean withNote) {
        List<PlannedRequest> requests = new ArrayList<>();
        Map<String, Object> ticket = new LinkedHashMap<>();
        plan.fields().forEach((name, value) -> ticket.put(name, zendeskValue(name, value)));
        if (withNote) {
            ticket.put("comment", Map.of("body", plan.note(), "public", false));
        }
        if (!ticket.isEmpty()) {
            requests.add(new PlannedRequest("PUT", "/api/v2/tickets/" + segment(plan) + ".json",
                    Map.of("ticket", ticket)));
        }
        if (!plan.tags().isEmpty()) {
            requests.add(new PlannedRequest("PUT", "/api/v2/tickets/" + segment(plan) + "/tags.json",
                    Map.of("tags", plan.tags())));
        }
        return requests;
    }

    /** Zendesk ids are numbers; a mapping may hold them as digit strings. */
    private static Object zendeskValue(String name, Object value) {
        if ((name.equals("group_id") || name.equals("assignee_id")) && value instanceof String text
                && text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        return value;
    }

    private static List<PlannedRequest> jira(WriteBackPlan plan, @Nullable String teamField, boolean withNote) {
        List<PlannedRequest> requests = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        plan.fields().forEach((name, value) -> {
            switch (name) {
                case "priority" -> fields.put("priority", Map.of("name", String.valueOf(value)));
                case "assignee" -> fields.put("assignee", Map.of("accountId", String.valueOf(value)));
                case "components" -> fields.put("components", values(value).stream()
                        .map(component -> Map.of("name", component)).toList());
                case "team" -> {
                    if (teamField == null) {
                        throw new UnwritablePlanException("the Jira site has no Team field for the plan's team");
                    }
                    fields.put(teamField, value);
                }
                default -> fields.put(name, value);
            }
        });
        Map<String, Object> edit = new LinkedHashMap<>();
        if (!fields.isEmpty()) {
            edit.put("fields", fields);
        }
        if (!plan.tags().isEmpty()) {
            edit.put("update", Map.of("labels", plan.tags().stream().map(label -> Map.of("add", label)).toList()));
        }
        if (!edit.isEmpty()) {
            requests.add(new PlannedRequest("PUT", "/rest/api/3/issue/" + segment(plan), edit));
        }
        if (withNote) {
            requests.add(new PlannedRequest("POST", "/rest/api/3/issue/" + segment(plan) + "/comment", Map.of(
                    "body", adf(plan.note()),
                    "properties", List.of(Map.of("key", "sd.public.comment", "value", Map.of("internal", true))))));
        }
        return requests;
    }

    private static List<String> values(Object value) {
        return value instanceof Collection<?> many ? many.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
    }

    /** Atlassian Document Format: one paragraph per line of the note. */
    static Map<String, Object> adf(String text) {
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            paragraphs.add(line.isEmpty() ? Map.of("type", "paragraph")
                    : Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", line))));
        }
        return Map.of("type", "doc", "version", 1, "content", paragraphs);
    }

    private static String segment(WriteBackPlan plan) {
        return UriUtils.encodePathSegment(plan.externalId(), StandardCharsets.UTF_8);
    }
}
