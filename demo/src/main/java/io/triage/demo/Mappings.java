package io.triage.demo;

import java.util.List;
import java.util.Locale;

/**
 * The demo's field mappings: every department to a group of its own (ServiceNow assignment group, Zendesk group,
 * Jira team), every urgency to the source's priority fields, at one level for the whole source.
 */
final class Mappings {

    private static final List<String> RANKS = List.of("low", "medium", "high", "critical");
    private static final List<String> SERVICENOW_URGENCY = List.of("3", "2", "1", "1");
    private static final List<String> SERVICENOW_IMPACT = List.of("3", "2", "2", "1");
    private static final List<String> ZENDESK_PRIORITY = List.of("low", "normal", "high", "urgent");
    private static final List<String> JIRA_PRIORITY = List.of("Low", "Medium", "High", "Highest");

    private Mappings() {
    }

    /**
     * @param source      servicenow, zendesk or jira
     * @param level       suggest, preselect or automate
     * @param departments the deployment's departments
     * @param urgencies   its urgencies: Low, Medium, High and Critical by name (a model lists its labels
     *                    alphabetically), others by their position
     */
    static String yaml(String source, String level, List<String> departments, List<String> urgencies) {
        StringBuilder yaml = new StringBuilder("levels:\n  default: ").append(level).append("\ndepartments:\n");
        for (int i = 0; i < departments.size(); i++) {
            yaml.append("  ").append(quoted(departments.get(i))).append(":\n    ").append(switch (source) {
                case "servicenow" -> "assignment_group: " + String.format(Locale.ROOT, "%032x", 0xD0 + i);
                case "zendesk" -> "group_id: " + (360_000 + i);
                default -> "team: " + quoted("team-" + (i + 1));
            }).append('\n');
        }
        yaml.append("urgencies:\n");
        for (int i = 0; i < urgencies.size(); i++) {
            int rank = RANKS.indexOf(urgencies.get(i).toLowerCase(Locale.ROOT));
            rank = rank >= 0 ? rank : Math.min(i, 3);
            yaml.append("  ").append(quoted(urgencies.get(i))).append(": ").append(switch (source) {
                case "servicenow" -> "{urgency: \"" + SERVICENOW_URGENCY.get(rank) + "\", impact: \""
                        + SERVICENOW_IMPACT.get(rank) + "\"}";
                case "zendesk" -> "{priority: " + ZENDESK_PRIORITY.get(rank) + "}";
                default -> "{priority: " + JIRA_PRIORITY.get(rank) + "}";
            }).append('\n');
        }
        yaml.append(source.equals("servicenow") ? "review:\n  assignment_group: " + "%032x".formatted(0xEE)
                : "review:\n  tags: [triage_review]\ntags: [auto_triaged]").append('\n');
        return yaml.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
