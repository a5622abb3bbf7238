package io.triage.ingestion.source;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.SourceAttributes;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ServiceNow incident (Table API row with raw values, or the same fields posted by a Business Rule) as a ticket.
 * Values are strings; date-times are UTC {@code YYYY-MM-DD HH:MM:SS}; references are {@code {link,value}} or
 * {@code ""}.
 */
@Component
public class ServiceNowTickets {

    /** Raw Table API date-times: UTC, no {@code T}, no zone. */
    public static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private static final String[] KEPT = {"state", "urgency", "impact", "category", "subcategory", "sys_mod_count",
            "contact_type"};

    private final ChannelMapping channels;
    private final JsonMapper json;

    ServiceNowTickets(ChannelMapping channels, JsonMapper json) {
        this.channels = channels;
        this.json = json;
    }

    /** {@code path} prefixes field names in 400 answers ({@code ""} for a webhook body, {@code result[3].} …). */
    public SourceTicket normalise(JsonNode incident, String path) {
        String sysId = SourceJson.id(incident, "sys_id", path + "sys_id");
        var updated = SourceJson.instant(incident, "sys_updated_on", path + "sys_updated_on", GLIDE);
        String number = SourceJson.optional(incident, "number");
        String subject = SourceJson.optional(incident, "short_description");
        NewTicket ticket = new NewTicket(TicketSource.SERVICENOW, sysId, reference(incident.path("caller_id")),
                channels.map(TicketSource.SERVICENOW, SourceJson.optional(incident, "contact_type")),
                SourceJson.bounded(subject, 1_000),
                SourceJson.bounded(SourceJson.optional(incident, "description"), 32_000), updated);
        ObjectNode fields = json.createObjectNode();
        for (String kept : KEPT) {
            String value = SourceJson.optional(incident, kept);
            if (value != null) {
                fields.put(kept, value);
            }
        }
        String group = reference(incident.path("assignment_group"));
        if (group != null) {
            fields.put("assignment_group", group);
        }
        return new SourceTicket(ticket, new SourceAttributes(number, SourceJson.optional(incident, "priority"),
                SourceJson.optionalInstant(incident, "sys_created_on", GLIDE), json.writeValueAsString(fields)));
    }

    /** The sys_id of a reference: {@code {"value":…}} raw, or a plain string; empty is none. */
    private static @Nullable String reference(JsonNode reference) {
        if (reference.isObject()) {
            return SourceJson.optional(reference, "value");
        }
        return reference.isString() && !reference.asString().isEmpty() ? SourceJson.bounded(reference.asString(), 128)
                : null;
    }
}
