package io.triage.ingestion.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The fields a ticketing system accepts in a mapping and the values each takes (see {@link WriteBackPlan}): a
 * department's or the review's fields ({@link Section#TARGET}) and an urgency's ({@link Section#URGENCY}).
 */
final class SourceVocabulary {

    /** Where in the document a field is. */
    enum Section { TARGET, URGENCY }

    /** Reports a problem at a node. */
    interface Problems {
        void add(Node at, String field, String message);
    }

    private enum Kind { TEXT, SERVICENOW_LEVEL, ID_NUMBER, TAGS, TEXTS, ZENDESK_PRIORITY, AS_IS }

    private static final Pattern JIRA_CUSTOM_FIELD = Pattern.compile("customfield_\\d+");
    private static final Pattern TAG = Pattern.compile("\\S{1,255}");
    private static final Set<String> SERVICENOW_LEVELS = Set.of("1", "2", "3");
    private static final Set<String> ZENDESK_PRIORITIES = Set.of("low", "normal", "high", "urgent");

    private final Map<String, Kind> target;
    private final Map<String, Kind> urgency;
    private final boolean customFields;

    private SourceVocabulary(Map<String, Kind> target, Map<String, Kind> urgency, boolean customFields) {
        this.target = target;
        this.urgency = urgency;
        this.customFields = customFields;
    }

    static SourceVocabulary of(TicketSource source) {
        return switch (source) {
            case SERVICENOW -> new SourceVocabulary(
                    Map.of("assignment_group", Kind.TEXT, "category", Kind.TEXT, "subcategory", Kind.TEXT),
                    Map.of("urgency", Kind.SERVICENOW_LEVEL, "impact", Kind.SERVICENOW_LEVEL), false);
            case ZENDESK -> new SourceVocabulary(
                    Map.of("group_id", Kind.ID_NUMBER, "assignee_id", Kind.ID_NUMBER, "tags", Kind.TAGS),
                    Map.of("priority", Kind.ZENDESK_PRIORITY), false);
            case JIRA -> new SourceVocabulary(
                    Map.of("team", Kind.TEXT, "assignee", Kind.TEXT, "components", Kind.TEXTS, "tags", Kind.TAGS),
                    Map.of("priority", Kind.TEXT), true);
            case IMPORT -> throw new IllegalArgumentException("imports are never written back");
        };
    }

    /** Whether the source takes tags (Zendesk) or labels (Jira); ServiceNow takes none. */
    boolean hasTags() {
        return target.containsKey("tags");
    }

    /** The keys allowed in a section, for messages. */
    String allowed(Section section) {
        Set<String> keys = new TreeSet<>(section == Section.TARGET ? target.keySet() : urgency.keySet());
        if (customFields) {
            keys.add("customfield_<number>");
        }
        return String.join(", ", keys);
    }

    /** Whether {@code key} may appear in the section. */
    boolean knows(Section section, String key) {
        return (section == Section.TARGET ? target : urgency).containsKey(key)
                || customFields && JIRA_CUSTOM_FIELD.matcher(key).matches();
    }

    /** The value of a known key, checked; null (with a problem added) when it is not acceptable. */
    @Nullable Object value(Section section, String key, Node node, String path, Problems problems) {
        Kind kind = (section == Section.TARGET ? target : urgency).getOrDefault(key, Kind.AS_IS);
        return switch (kind) {
            case TEXT -> text(node, path, problems);
            case SERVICENOW_LEVEL -> oneOf(node, path, SERVICENOW_LEVELS, problems);
            case ZENDESK_PRIORITY -> oneOf(node, path, ZENDESK_PRIORITIES, problems);
            case ID_NUMBER -> idNumber(node, path, problems);
            case TAGS -> tags(node, path, problems);
            case TEXTS -> texts(node, path, problems);
            case AS_IS -> asIs(node, path, problems);
        };
    }

    static @Nullable String text(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getValue().isBlank()) {
            return s.getValue();
        }
        problems.add(node, path, "'" + path + "' must be a non-empty text");
        return null;
    }

    private static @Nullable String oneOf(Node node, String path, Set<String> allowed, Problems problems) {
        if (node instanceof ScalarNode s && allowed.contains(s.getValue())) {
            return s.getValue();
        }
        problems.add(node, path, "'" + path + "' must be one of " + String.join(", ", new TreeSet<>(allowed)));
        return null;
    }

    private static @Nullable Long idNumber(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                long id = Long.parseLong(s.getValue());
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(node, path, "'" + path + "' must be a positive whole number (an id)");
        return null;
    }

    static @Nullable List<String> tags(Node node, String path, Problems problems) {
        List<String> tags = texts(node, path, problems);
        if (tags == null) {
            return null;
        }
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                problems.add(node, path, "'" + path + "' entries must be single words without spaces: '" + tag + "'");
                return null;
            }
        }
        return tags;
    }

    private static @Nullable List<String> texts(Node node, String path, Problems problems) {
        if (node instanceof SequenceNode sequence) {
            List<String> texts = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                String text = text(item, path, problems);
                if (text == null) {
                    return null;
                }
                texts.add(text);
            }
            return texts;
        }
        problems.add(node, path, "'" + path + "' must be a list of texts");
        return null;
    }

    /** A Jira custom field's value, sent as it is: a text, a number or a list of texts. */
    private static @Nullable Object asIs(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            if (s.getTag().equals(Tag.INT)) {
                try {
                    return Long.parseLong(s.getValue());
                } catch (NumberFormatException e) {
                    return s.getValue();
                }
            }
            return s.getValue();
        }
        if (node instanceof SequenceNode) {
            return texts(node, path, problems);
        }
        problems.add(node, path, "'" + path + "' must be a text, a number, or a list of texts");
        return null;
    }
}
