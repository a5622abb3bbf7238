package io.triage.simulators.servicenow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What {@code sysparm_display_value=true|all} shows instead of raw values: the standard incident choice labels
 * ({@code state}, {@code urgency}, {@code impact}, {@code priority}) and the names of referenced records, which a test
 * seeds ({@code sys_user_group/<sys_id>} → {@code Network Ops}). An unseeded reference shows its sys_id. Date-times are
 * shown as stored: the simulated integration user is in UTC, as INTEGRATIONS.md recommends.
 */
final class DisplayValues {

    private static final Map<String, Map<String, String>> CHOICES = Map.of(
            "state", Map.of("1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved", "7", "Closed", "8", "Canceled"),
            "urgency", Map.of("1", "1 - High", "2", "2 - Medium", "3", "3 - Low"),
            "impact", Map.of("1", "1 - High", "2", "2 - Medium", "3", "3 - Low"),
            "priority", Map.of("1", "1 - Critical", "2", "2 - High", "3", "3 - Moderate", "4", "4 - Low", "5", "5 - Planning"));

    private final Map<String, String> names = new ConcurrentHashMap<>();

    void name(String table, String sysId, String name) {
        names.put(table + "/" + sysId, name);
    }

    /** The display value of {@code column}; {@code referenceTable} is null for non-reference columns. */
    String of(String column, String value, @Nullable String referenceTable) {
        if (value.isEmpty()) {
            return "";
        }
        if (referenceTable != null) {
            return names.getOrDefault(referenceTable + "/" + value, value);
        }
        return CHOICES.getOrDefault(column, Map.of()).getOrDefault(value, value);
    }

    void clear() {
        names.clear();
    }
}
