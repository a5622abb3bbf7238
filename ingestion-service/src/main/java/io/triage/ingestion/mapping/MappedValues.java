package io.triage.ingestion.mapping;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a ticket's source fields back into the taxonomy through the source's published mapping, the reverse of a
 * write-back: so an agent's change of group or priority after a write-back is seen as a department or urgency.
 *
 * <p>Only fields a source reports back on every ticket take part ({@link #observed}): ServiceNow's
 * {@code assignment_group}, {@code urgency} and {@code impact}; Zendesk's {@code group_id}, {@code assignee_id} and
 * {@code priority}; Jira's {@code team}, {@code assignee}, {@code components} and {@code priority}. A department is read
 * back when exactly one department's mapped fields among those all equal the ticket's (a mapped component list must be
 * among the ticket's components); an urgency likewise.
 */
@Component
public class MappedValues {

    /** The mapping fields whose values a ticket from {@code source} reports back. */
    public static Set<String> observed(TicketSource source) {
        return switch (source) {
            case SERVICENOW -> Set.of("assignment_group", "urgency", "impact");
            case ZENDESK -> Set.of("group_id", "assignee_id", "priority");
            case JIRA -> Set.of("team", "assignee", "components", "priority");
            case IMPORT -> Set.of();
        };
    }

    private final PublishedMappings published;

    MappedValues(PublishedMappings published) {
        this.published = published;
    }

    /** Whether the source has a published mapping (write-back, and reading back, are on for it). */
    public boolean mapped(TicketSource source) {
        return published.get(source).isPresent();
    }

    /**
     * The department and urgency the observed values point to under the source's published mapping.
     *
     * @param observed field → value as the ticket shows them now, in mapping vocabulary (strings, or lists of strings
     *                 for components); fields the ticket lacks are absent
     */
    public ReadBack readBack(TicketSource source, Map<String, Object> observed) {
        return published.get(source).map(p -> readBack(p.mapping(), observed)).orElse(ReadBack.NONE);
    }

    static ReadBack readBack(FieldMapping mapping, Map<String, Object> observed) {
        Set<String> keys = observed(mapping.source());
        return new ReadBack(only(mapping.departments(), keys, observed), only(mapping.urgencies(), keys, observed));
    }

    /** The one entry whose observable fields are all present with equal values; null for none or several. */
    private static @Nullable String only(Map<String, FieldMapping.Target> targets, Set<String> keys,
            Map<String, Object> observed) {
        String found = null;
        for (var entry : targets.entrySet()) {
            boolean any = false;
            boolean all = true;
            for (var field : entry.getValue().fields().entrySet()) {
                if (!keys.contains(field.getKey())) {
                    continue;
                }
                any = true;
                all &= matches(field.getValue(), observed.get(field.getKey()));
            }
            if (any && all) {
                if (found != null) {
                    return null;
                }
                found = entry.getKey();
            }
        }
        return found;
    }

    private static boolean matches(Object mapped, @Nullable Object seen) {
        if (seen == null) {
            return false;
        }
        if (mapped instanceof Collection<?> wanted) {
            Collection<?> have = seen instanceof Collection<?> c ? c : List.of(seen);
            return !wanted.isEmpty() && have.stream().map(String::valueOf).toList()
                    .containsAll(wanted.stream().map(String::valueOf).toList());
        }
        return String.valueOf(mapped).equalsIgnoreCase(String.valueOf(seen));
    }
}
