package io.triage.ingestion.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;

/**
 * Exactly what one decision writes to one ticket in its ticketing system, under the source's published mapping: the
 * dry run shows it, the write-back client sends it.
 *
 * <p>{@code fields} use the mapping's vocabulary, which the client turns into the source's wire format:
 * <ul>
 *   <li>ServiceNow: {@code assignment_group} (sys_id), {@code urgency} and {@code impact} ({@code "1"}–{@code "3"}),
 *       {@code category}, {@code subcategory}: sent as they are in the incident {@code PATCH}.</li>
 *   <li>Zendesk: {@code group_id} (a number), {@code assignee_id} (a number), {@code priority} ({@code low},
 *       {@code normal}, {@code high}, {@code urgent}): sent in the ticket {@code PUT}.</li>
 *   <li>Jira: {@code priority} (a name, sent as {@code {"name":…}}), {@code assignee} (an account id, sent as
 *       {@code {"accountId":…}}), {@code components} (names, sent as {@code [{"name":…}]}), {@code team} (a team id,
 *       sent in the custom field the instance names "Team"), {@code customfield_NNNNN} (sent as it is, e.g. the field
 *       a JSM SLA goal's JQL condition reads).</li>
 * </ul>
 *
 * @param source         the ticketing system
 * @param externalId     the ticket's id there (ServiceNow sys_id, Zendesk id, Jira issue id)
 * @param decisionId     classify-service's decision being written back
 * @param mappingVersion the published mapping version the plan was made with
 * @param level          what kind of write-back this is
 * @param department     the decided department, absent for {@link WriteBackLevel#REVIEW}
 * @param urgency        the decided urgency, absent for {@link WriteBackLevel#REVIEW}
 * @param fields         the fields to set, in mapping vocabulary (values are strings, numbers or lists of strings);
 *                       empty for {@link WriteBackLevel#SUGGEST}
 * @param tags           Zendesk tags or Jira labels to add (never removes one); ServiceNow has none
 * @param note           the internal note's text (work note, private comment, internal JSM comment), marker included
 * @param marker         a text unique to this decision, contained in {@code note}: a note holding it is already written,
 *                       so a retry or redelivery never adds a second one
 */
public record WriteBackPlan(TicketSource source, String externalId, UUID decisionId, int mappingVersion,
        WriteBackLevel level, @Nullable String department, @Nullable String urgency, Map<String, Object> fields,
        List<String> tags, String note, String marker) {

    public WriteBackPlan {
        fields = Map.copyOf(fields);
        tags = List.copyOf(tags);
        if (!note.contains(marker)) {
            throw new IllegalArgumentException("the note must contain the marker");
        }
    }

    /** The marker of a decision: the same for every plan of it, whatever the mapping version. */
    public static String markerOf(UUID decisionId) {
        return "[triage:" + decisionId + "]";
    }
}
