package io.triage.simulators.jira;

import java.util.List;

import io.triage.simulators.SimJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /rest/api/3/field}: the system fields the simulator keeps, and the site's Team and SLA custom fields. */
final class FieldCatalogue {

    private FieldCatalogue() {
    }

    static ArrayNode of(JiraSettings settings) {
        ArrayNode fields = SimJson.array();
        for (String system : List.of("summary", "description", "priority", "assignee", "reporter", "labels", "status",
                "created", "updated")) {
            fields.addObject().put("id", system).put("key", system)
                    .put("name", Character.toUpperCase(system.charAt(0)) + system.substring(1)).put("custom", false);
        }
        custom(fields, settings.teamFieldId(), "Team", "team", "com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team");
        custom(fields, JiraSimulator.REQUEST_TYPE_FIELD, "Customer Request Type", "sd-customerrequesttype",
                "com.atlassian.servicedesk:vp-origin");
        settings.slaFieldIds().forEach((name, id) ->
                custom(fields, id, name, "sd-servicelevelagreement", "com.atlassian.servicedesk:sd-sla-field"));
        return fields;
    }

    private static void custom(ArrayNode fields, String id, String name, String type, String customType) {
        ObjectNode field = fields.addObject().put("id", id).put("key", id).put("name", name).put("custom", true);
        field.putObject("schema").put("type", type).put("custom", customType)
                .put("customId", Long.parseLong(id.substring("customfield_".length())));
    }
}
