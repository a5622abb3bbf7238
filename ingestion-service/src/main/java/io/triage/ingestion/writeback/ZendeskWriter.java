package io.triage.ingestion.writeback;

import java.nio.charset.StandardCharsets;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.sync.SourceClients;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk: the ticket {@code PUT} (fields and a private comment) and the tags {@code PUT} (adds); comments are read
 * back from {@code /api/v2/tickets/{id}/comments.json}, following {@code next_page}. API token auth.
 */
final class ZendeskWriter extends SourceWriter {

    /** Comment pages read at most when looking for a note (100 comments each). */
    private static final int MAX_PAGES = 50;

    private final String authorization;

    ZendeskWriter(Source settings) {
        super(TicketSource.ZENDESK, settings);
        this.authorization = SourceClients.zendeskAuthorization(settings);
    }

    @Override
    TicketSource source() {
        return TicketSource.ZENDESK;
    }

    @Override
    String authorization() {
        return authorization;
    }

    @Override
    boolean hasNote(WriteBackPlan plan) {
        String page = "/api/v2/tickets/" + UriUtils.encodePathSegment(plan.externalId(), StandardCharsets.UTF_8)
                + "/comments.json";
        for (int i = 0; i < MAX_PAGES && page != null; i++) {
            JsonNode body = get(page);
            for (JsonNode comment : body.path("comments")) {
                if (holds(comment.path("body"), plan.marker()) || holds(comment.path("plain_body"), plan.marker())) {
                    return true;
                }
            }
            JsonNode next = body.path("next_page");
            page = next.isString() && !next.asString().isBlank() ? next.asString() : null;
        }
        return false;
    }
}
