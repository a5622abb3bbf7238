package io.triage.ingestion.source;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.SourceAttributes;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Zendesk ticket (export row, or an event webhook's {@code detail} snapshot, where ids are strings) as a ticket.
 * HTML bodies become plain text.
 */
@Component
public class ZendeskTickets {

    private static final String[] KEPT = {"status", "type", "group_id", "organization_id", "assignee_id",
            "brand_id"};

    private final ChannelMapping channels;
    private final JsonMapper json;

    ZendeskTickets(ChannelMapping channels, JsonMapper json) {
        this.channels = channels;
        this.json = json;
    }

    public SourceTicket normalise(JsonNode ticket, String path) {
        String id = SourceJson.id(ticket, "id", path + "id");
        var updated = SourceJson.instant(ticket, "updated_at", path + "updated_at", DateTimeFormatter.ISO_INSTANT);
        String subject = SourceJson.optional(ticket, "subject");
        String requester = SourceJson.optional(ticket, "requester_id");
        NewTicket normalised = new NewTicket(TicketSource.ZENDESK, id, requester,
                channels.map(TicketSource.ZENDESK, SourceJson.optional(ticket.path("via"), "channel")),
                SourceJson.bounded(subject == null ? "" : PlainText.fromHtml(subject), 1_000),
                SourceJson.bounded(PlainText.fromHtml(SourceJson.optional(ticket, "description")), 32_000), updated);
        ObjectNode fields = json.createObjectNode();
        for (String kept : KEPT) {
            String value = SourceJson.optional(ticket, kept);
            if (value != null) {
                fields.put(kept, value);
            }
        }
        // The source's own channel value is kept as it is, mapped or not.
        String via = SourceJson.optional(ticket.path("via"), "channel");
        if (via != null) {
            fields.put("via_channel", via);
        }
        if (ticket.path("tags").isArray()) {
            fields.set("tags", ticket.get("tags"));
        }
        if (ticket.path("custom_fields").isArray()) {
            fields.set("custom_fields", ticket.get("custom_fields"));
        }
        // Webhooks may write enum values in upper case (unconfirmed); the export writes them in lower case.
        String priority = SourceJson.optional(ticket, "priority");
        return new SourceTicket(normalised, new SourceAttributes(id,
                priority == null ? null : priority.toLowerCase(Locale.ROOT),
                SourceJson.optionalInstant(ticket, "created_at", DateTimeFormatter.ISO_INSTANT),
                json.writeValueAsString(fields)));
    }
}
