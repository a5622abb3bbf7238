package io.triage.ingestion.mapping;

import java.util.List;
import java.util.Map;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;

/**
 * A source's mapping document, read and checked: what each department and urgency sets in the source, and how far.
 *
 * @param source       the ticketing system it is for
 * @param defaultLevel the level of departments {@code levels.departments} does not name
 * @param levels       the level per named department
 * @param departments  per department, its fields and tags
 * @param urgencies    per urgency, its fields
 * @param review       what a decision a human must review sets: a queue and/or tags, never department fields
 * @param tags         tags (Zendesk) or labels (Jira) added on every write-back
 * @param notes        the note template per level; a level without one uses {@link NoteTemplate#defaultFor}
 */
public record FieldMapping(TicketSource source, WriteBackLevel defaultLevel, Map<String, WriteBackLevel> levels,
        Map<String, Target> departments, Map<String, Target> urgencies, Target review, List<String> tags,
        Map<WriteBackLevel, String> notes) {

    public FieldMapping {
        levels = Map.copyOf(levels);
        departments = Map.copyOf(departments);
        urgencies = Map.copyOf(urgencies);
        tags = List.copyOf(tags);
        notes = Map.copyOf(notes);
    }

    /** The level a decision for {@code department} is written back with. */
    public WriteBackLevel levelOf(String department) {
        return levels.getOrDefault(department, defaultLevel);
    }

    /** The note template of a level: the mapping's own, or the default one. */
    public String noteFor(WriteBackLevel level) {
        @Nullable String own = notes.get(level);
        return own != null ? own : NoteTemplate.defaultFor(level);
    }

    /**
     * What one department, urgency or the review sets.
     *
     * @param fields fields in the mapping's vocabulary (strings, numbers, lists of strings)
     * @param tags   Zendesk tags or Jira labels to add
     */
    public record Target(Map<String, Object> fields, List<String> tags) {

        public static final Target NONE = new Target(Map.of(), List.of());

        public Target {
            fields = Map.copyOf(fields);
            tags = List.copyOf(tags);
        }
    }
}
