package io.triage.ingestion.mapping;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.triage.ingestion.mapping.FieldMapping.Target;
import io.triage.ingestion.mapping.SourceVocabulary.Section;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a source's mapping document (see the README) into a {@link FieldMapping}, reporting every problem with its line,
 * column and field. Works on SnakeYAML's node tree, like rules-core's rule-set parser, so each value keeps its
 * position. With a {@link Taxonomy} it also checks the departments and urgencies against it and that every department
 * that is set (preselect, automate) has its fields; without one those checks are left out.
 */
public final class MappingParser {

    private static final int MAX_YAML_CHARS = 1_000_000;
    private static final List<String> TOP_KEYS = List.of("levels", "departments", "urgencies", "review", "tags",
            "note");

    /** Reads a mapping; never throws for bad input. */
    public MappingReport parse(TicketSource source, String yaml, @Nullable Taxonomy taxonomy) {
        Node root;
        try {
            root = compose(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return rejected(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "invalid YAML: " + message);
        } catch (YAMLException e) {
            return rejected(0, 0, "invalid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode top)) {
            return rejected(root == null ? 1 : line(root), root == null ? 1 : column(root),
                    "expected a mapping with levels, departments, urgencies, review, tags and note");
        }
        Reader reader = new Reader(source, top);
        reader.read();
        if (taxonomy != null) {
            reader.checkAgainst(taxonomy);
        }
        List<MappingProblem> problems = reader.problems.stream()
                .sorted(Comparator.comparingInt(MappingProblem::line).thenComparingInt(MappingProblem::column))
                .toList();
        return new MappingReport(problems.isEmpty() ? reader.mapping() : null, problems);
    }

    private static MappingReport rejected(int line, int column, String message) {
        return new MappingReport(null, List.of(new MappingProblem(line, column, "", message)));
    }

    private static @Nullable Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_YAML_CHARS);
        return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static int column(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getColumn() + 1;
    }

    /** Reads one document, collecting problems and remembering where each department and urgency was named. */
    private static final class Reader {
        private final TicketSource source;
        private final SourceVocabulary vocabulary;
        private final MappingNode top;
        private final List<MappingProblem> problems = new ArrayList<>();
        private WriteBackLevel defaultLevel = WriteBackLevel.SUGGEST;
        private @Nullable Node defaultLevelAt;
        private final Map<String, WriteBackLevel> levels = new LinkedHashMap<>();
        private final Map<String, Node> levelAt = new LinkedHashMap<>();
        private final Map<String, Target> departments = new LinkedHashMap<>();
        private final Map<String, Node> departmentAt = new LinkedHashMap<>();
        private final Map<String, Target> urgencies = new LinkedHashMap<>();
        private final Map<String, Node> urgencyAt = new LinkedHashMap<>();
        private @Nullable Node urgenciesAt;
        private Target review = Target.NONE;
        private List<String> tags = List.of();
        private final Map<WriteBackLevel, String> notes = new EnumMap<>(WriteBackLevel.class);

        Reader(TicketSource source, MappingNode top) {
            this.source = source;
            this.vocabulary = SourceVocabulary.of(source);
            this.top = top;
        }

        void read() {
            for (Map.Entry<String, NodeTuple> entry : entries(top, "").entrySet()) {
                Node value = entry.getValue().getValueNode();
                switch (entry.getKey()) {
                    case "levels" -> levels(value);
                    case "departments" -> named(value, "departments", Section.TARGET, departments, departmentAt);
                    case "urgencies" -> {
                        urgenciesAt = entry.getValue().getKeyNode();
                        named(value, "urgencies", Section.URGENCY, urgencies, urgencyAt);
                    }
                    case "review" -> review = target(value, "review", Section.TARGET);
                    case "tags" -> topTags(value);
                    case "note" -> note(value);
                    default -> problem(entry.getValue().getKeyNode(), entry.getKey(), "unknown field '"
                            + entry.getKey() + "'; allowed: " + String.join(", ", TOP_KEYS));
                }
            }
            departments.forEach((department, target) -> {
                if (levelOf(department) != WriteBackLevel.SUGGEST && target.fields().isEmpty()) {
                    problem(departmentAt.get(department), "departments." + department, "missing target: department '"
                            + department + "' is " + levelName(levelOf(department)) + " but sets no field");
                }
            });
            levels.forEach((department, level) -> {
                if (level != WriteBackLevel.SUGGEST && !departments.containsKey(department)) {
                    problem(levelAt.get(department), "departments." + department, "missing target: department '"
                            + department + "' is " + levelName(level) + " but has no entry under departments");
                }
            });
        }

        /** The problems only the deployment's labels reveal. */
        void checkAgainst(Taxonomy taxonomy) {
            levelAt.forEach((department, at) -> unknown(taxonomy.departments(), department, at,
                    "levels.departments." + department, "department"));
            departmentAt.forEach((department, at) -> unknown(taxonomy.departments(), department, at,
                    "departments." + department, "department"));
            urgencyAt.forEach((urgency, at) -> unknown(taxonomy.urgencies(), urgency, at,
                    "urgencies." + urgency, "urgency"));
            boolean anySet = false;
            for (String department : taxonomy.departments().stream().sorted().toList()) {
                WriteBackLevel level = levelOf(department);
                anySet |= level != WriteBackLevel.SUGGEST;
                if (level != WriteBackLevel.SUGGEST && !departments.containsKey(department)
                        && !levels.containsKey(department)) {
                    problem(defaultLevelAt != null ? defaultLevelAt : top, "departments." + department, "missing target: department '" + department + "' is "
                            + levelName(level) + " but has no entry under departments");
                }
            }
            if (!anySet) {
                return;
            }
            for (String urgency : taxonomy.urgencies().stream().sorted().toList()) {
                Target target = urgencies.get(urgency);
                if (target == null || target.fields().isEmpty()) {
                    Node at = urgencyAt.containsKey(urgency) ? urgencyAt.get(urgency)
                            : urgenciesAt != null ? urgenciesAt : top;
                    problem(at, "urgencies." + urgency, "missing target: urgency '" + urgency
                            + "' has no fields, but some departments are preselected or automated");
                }
            }
        }

        FieldMapping mapping() {
            return new FieldMapping(source, defaultLevel, levels, departments, urgencies, review, tags, notes);
        }

        private WriteBackLevel levelOf(String department) {
            return levels.getOrDefault(department, defaultLevel);
        }

        private void unknown(Set<String> known, String name, Node at, String field, String what) {
            if (!known.contains(name)) {
                problem(at, field, "unknown " + what + " '" + name + "': not in the deployment's taxonomy ("
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }

        private void levels(Node node) {
            for (Map.Entry<String, NodeTuple> entry : entries(node, "levels").entrySet()) {
                Node value = entry.getValue().getValueNode();
                switch (entry.getKey()) {
                    case "default" -> {
                        defaultLevelAt = value;
                        WriteBackLevel level = level(value, "levels.default");
                        defaultLevel = level == null ? defaultLevel : level;
                    }
                    case "departments" -> entries(value, "levels.departments").forEach((department, tuple) -> {
                        levelAt.put(department, tuple.getKeyNode());
                        WriteBackLevel level = level(tuple.getValueNode(), "levels.departments." + department);
                        if (level != null) {
                            levels.put(department, level);
                        }
                    });
                    default -> problem(entry.getValue().getKeyNode(), "levels." + entry.getKey(), "unknown field '"
                            + entry.getKey() + "'; allowed: default, departments");
                }
            }
        }

        private @Nullable WriteBackLevel level(Node node, String field) {
            String text = node instanceof ScalarNode s ? s.getValue() : null;
            return switch (text == null ? "" : text) {
                case "suggest" -> WriteBackLevel.SUGGEST;
                case "preselect" -> WriteBackLevel.PRESELECT;
                case "automate" -> WriteBackLevel.AUTOMATE;
                default -> {
                    problem(node, field, "'" + field + "' must be one of suggest, preselect, automate");
                    yield null;
                }
            };
        }

        private void named(Node node, String section, Section kind, Map<String, Target> into, Map<String, Node> at) {
            entries(node, section).forEach((name, tuple) -> {
                at.put(name, tuple.getKeyNode());
                into.put(name, target(tuple.getValueNode(), section + "." + name, kind));
            });
        }

        private Target target(Node node, String path, Section section) {
            Map<String, Object> fields = new LinkedHashMap<>();
            List<String> targetTags = List.of();
            for (Map.Entry<String, NodeTuple> entry : entries(node, path).entrySet()) {
                String key = entry.getKey();
                String field = path + "." + key;
                if (!vocabulary.knows(section, key)) {
                    problem(entry.getValue().getKeyNode(), field, "unknown field '" + key + "' for "
                            + source.tag() + "; allowed: " + vocabulary.allowed(section));
                    continue;
                }
                Object value = vocabulary.value(section, key, entry.getValue().getValueNode(), field, this::problem);
                if (value instanceof List<?> list && key.equals("tags")) {
                    targetTags = list.stream().map(String::valueOf).toList();
                } else if (value != null) {
                    fields.put(key, value);
                }
            }
            return new Target(fields, targetTags);
        }

        private void topTags(Node node) {
            if (!vocabulary.hasTags()) {
                problem(node, "tags", source.tag() + " has no tags; remove 'tags'");
                return;
            }
            List<String> read = SourceVocabulary.tags(node, "tags", this::problem);
            tags = read == null ? List.of() : read;
        }

        private void note(Node node) {
            if (node instanceof ScalarNode scalar) {
                String template = template(scalar, "note");
                if (template != null) {
                    // One template for the decided levels; a review keeps its own unless 'note.review' names one.
                    for (WriteBackLevel level : List.of(WriteBackLevel.SUGGEST, WriteBackLevel.PRESELECT,
                            WriteBackLevel.AUTOMATE)) {
                        notes.put(level, template);
                    }
                }
                return;
            }
            entries(node, "note").forEach((name, tuple) -> {
                WriteBackLevel level = switch (name) {
                    case "suggest", "preselect", "automate", "review" ->
                            WriteBackLevel.valueOf(name.toUpperCase(Locale.ROOT));
                    default -> null;
                };
                if (level == null) {
                    problem(tuple.getKeyNode(), "note." + name, "unknown field '" + name
                            + "'; allowed: suggest, preselect, automate, review");
                    return;
                }
                String template = tuple.getValueNode() instanceof ScalarNode s ? template(s, "note." + name) : null;
                if (template == null && !(tuple.getValueNode() instanceof ScalarNode)) {
                    problem(tuple.getValueNode(), "note." + name, "'note." + name + "' must be a text");
                }
                if (template != null) {
                    notes.put(level, template);
                }
            });
        }

        private @Nullable String template(ScalarNode scalar, String field) {
            String text = scalar.getValue();
            if (text.isBlank()) {
                problem(scalar, field, "'" + field + "' must be a non-empty text");
                return null;
            }
            List<Map.Entry<Integer, String>> unknown = NoteTemplate.unknownPlaceholders(text);
            // A block scalar's text starts on the line after its indicator; its lines are the document's lines.
            boolean block = scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL;
            for (Map.Entry<Integer, String> placeholder : unknown) {
                int newlines = (int) text.substring(0, placeholder.getKey()).chars().filter(c -> c == '\n').count();
                int lineOf = line(scalar) + (block ? 1 + newlines : 0);
                problems.add(new MappingProblem(lineOf, block ? 0 : column(scalar), field, "unknown placeholder '{"
                        + placeholder.getValue() + "}'; allowed: " + String.join(", ",
                        NoteTemplate.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList())));
            }
            return unknown.isEmpty() ? text : null;
        }

        /** A mapping's entries by key; anything else is a problem (and no entries). */
        private Map<String, NodeTuple> entries(Node node, String path) {
            Map<String, NodeTuple> entries = new LinkedHashMap<>();
            if (!(node instanceof MappingNode mapping)) {
                if (!(node instanceof ScalarNode s && s.getValue().isEmpty())) {
                    problem(node, path, "'" + path + "' must be a mapping");
                }
                return entries;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !key.getValue().isBlank()) {
                    entries.put(key.getValue(), tuple);
                } else {
                    problem(tuple.getKeyNode(), path, "keys of '" + path + "' must be texts");
                }
            }
            return entries;
        }

        private void problem(@Nullable Node at, String field, String message) {
            problems.add(new MappingProblem(at == null ? 0 : line(at), at == null ? 0 : column(at), field, message));
        }

        private static String levelName(WriteBackLevel level) {
            return level.name().toLowerCase(Locale.ROOT);
        }
    }
}
