package io.triage.ingestion.writeback;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.sync.SourceClients;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud / JSM: the issue {@code PUT} ({@code fields}, {@code update.labels} adds) and an internal comment;
 * comments are read back from {@code /rest/api/3/issue/{id}/comment}, paged by {@code startAt}. A plan's {@code team}
 * goes to the custom field the site names {@code jira-team-field-name}, found once in {@code GET /rest/api/3/field}.
 * API token auth.
 */
final class JiraWriter extends SourceWriter {

    private static final int PAGE = 100;
    private static final int MAX_PAGES = 50;

    private final String authorization;
    private final String teamFieldName;
    private volatile @Nullable String teamField;

    JiraWriter(Source settings, String teamFieldName) {
        super(TicketSource.JIRA, settings);
        this.authorization = SourceClients.jiraAuthorization(settings);
        this.teamFieldName = teamFieldName;
    }

    @Override
    TicketSource source() {
        return TicketSource.JIRA;
    }

    @Override
    String authorization() {
        return authorization;
    }

    @Override
    List<PlannedRequest> requests(WriteBackPlan plan, boolean withNote) {
        return SourceWrites.requests(plan, plan.fields().containsKey("team") ? teamField() : null, withNote);
    }

    /** The Team field's id, looked up until found (a site may add it later), then kept. */
    private @Nullable String teamField() {
        String known = teamField;
        if (known == null) {
            for (JsonNode field : get("/rest/api/3/field")) {
                if (teamFieldName.equalsIgnoreCase(field.path("name").asString("")) && field.path("id").isString()) {
                    known = field.path("id").asString();
                    teamField = known;
                    break;
                }
            }
        }
        return known;
    }

    @Override
    boolean hasNote(WriteBackPlan plan) {
        String comments = "/rest/api/3/issue/" + UriUtils.encodePathSegment(plan.externalId(), StandardCharsets.UTF_8)
                + "/comment?maxResults=" + PAGE + "&startAt=";
        int startAt = 0;
        for (int i = 0; i < MAX_PAGES; i++) {
            JsonNode body = get(comments + startAt);
            JsonNode page = body.path("comments");
            for (JsonNode comment : page) {
                if (text(comment.path("body")).contains(plan.marker())) {
                    return true;
                }
            }
            startAt += page.size();
            if (page.isEmpty() || startAt >= body.path("total").asInt(0)) {
                return false;
            }
        }
        return false;
    }

    /** An ADF document's text, its text nodes joined per block (a marker may be split across marks). */
    private static String text(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        StringBuilder text = new StringBuilder();
        append(node, text);
        return text.toString();
    }

    private static void append(JsonNode node, StringBuilder text) {
        if ("text".equals(node.path("type").asString("")) && node.path("text").isString()) {
            text.append(node.path("text").asString());
        }
        for (JsonNode child : node.path("content")) {
            append(child, text);
        }
        if ("paragraph".equals(node.path("type").asString(""))) {
            text.append('\n');
        }
    }
}
