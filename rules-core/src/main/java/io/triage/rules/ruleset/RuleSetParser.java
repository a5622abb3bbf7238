package io.triage.rules.ruleset;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the YAML rule format into a {@link RuleSet}, reporting every problem with its line, column and field. Works on
 * SnakeYAML's node tree (not object binding) so that each value keeps its position.
 */
public final class RuleSetParser {

    private static final Set<String> RULE_KEYS = Set.of("id", "description", "pattern", "regex", "keywords", "exclude",
            "fields", "department", "urgency", "confidence", "enabled", "order");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_YAML_CHARS = 2_000_000;

    /** Parses a rule set; never throws for bad input. */
    public RuleSetParseResult parse(String yamlText) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = compose(yamlText);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? Location.UNKNOWN : new Location(mark.getLine() + 1, mark.getColumn() + 1);
            String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return new RuleSetParseResult.Rejected(List.of(RuleSetProblem.at(at, "", null, "invalid YAML: " + message)));
        } catch (YAMLException e) {
            return new RuleSetParseResult.Rejected(
                    List.of(RuleSetProblem.at(Location.UNKNOWN, "", null, "invalid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            Location at = root == null ? new Location(1, 1) : at(root);
            return new RuleSetParseResult.Rejected(
                    List.of(RuleSetProblem.at(at, "rules", null, "expected a mapping with a 'rules' list")));
        }
        Node rulesNode = null;
        for (NodeTuple tuple : top.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if ("rules".equals(key)) {
                rulesNode = tuple.getValueNode();
            } else {
                problems.add(RuleSetProblem.at(at(tuple.getKeyNode()), String.valueOf(key), null,
                        "unknown field '" + key + "' (only 'rules' is allowed at the top level)"));
            }
        }
        if (!(rulesNode instanceof SequenceNode sequence)) {
            problems.add(RuleSetProblem.at(rulesNode == null ? at(top) : at(rulesNode), "rules", null,
                    "'rules' must be a list of rules"));
            return new RuleSetParseResult.Rejected(problems);
        }
        List<OrderedRule> rules = new ArrayList<>();
        Map<String, Location> seenIds = new LinkedHashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            OrderedRule rule = new RuleReader(i, sequence.getValue().get(i), problems).read();
            if (rule == null) {
                continue;
            }
            Location first = seenIds.putIfAbsent(rule.rule().id(), rule.rule().at());
            if (first != null) {
                problems.add(RuleSetProblem.at(rule.rule().at(), "rules[" + i + "].id", rule.rule().id(),
                        "duplicate id '" + rule.rule().id() + "' (first defined at line " + first.line() + ")"));
            }
            rules.add(rule);
        }
        if (!problems.isEmpty()) {
            return new RuleSetParseResult.Rejected(problems);
        }
        rules.sort(Comparator.comparingInt(OrderedRule::order).thenComparingInt(OrderedRule::position));
        return new RuleSetParseResult.Parsed(new RuleSet(rules.stream().map(OrderedRule::rule).toList()));
    }

    private static @Nullable Node compose(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_YAML_CHARS);
        return new Yaml(new SafeConstructor(options)).compose(new StringReader(yamlText));
    }

    static Location at(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? Location.UNKNOWN : new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    static @Nullable String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private record OrderedRule(Rule rule, int order, int position) {
    }

    /** Reads one rule mapping, adding problems as it finds them. */
    private static final class RuleReader {
        private final int index;
        private final Node node;
        private final List<RuleSetProblem> problems;
        private final int problemsBefore;
        private @Nullable String id;

        RuleReader(int index, Node node, List<RuleSetProblem> problems) {
            this.index = index;
            this.node = node;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        @Nullable OrderedRule read() {
            if (!(node instanceof MappingNode mapping)) {
                problem(node, "", "each rule must be a mapping");
                return null;
            }
            Map<String, Node> values = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode());
                if (key == null || !RULE_KEYS.contains(key)) {
                    problem(tuple.getKeyNode(), String.valueOf(key), "unknown field '" + key + "'; allowed: "
                            + String.join(", ", RULE_KEYS.stream().sorted().toList()));
                } else if (values.putIfAbsent(key, tuple.getValueNode()) != null) {
                    problem(tuple.getKeyNode(), key, "field '" + key + "' given twice");
                }
            }
            id = requiredText(values, "id");
            if (id != null && !ID.matcher(id).matches()) {
                problem(Objects.requireNonNull(values.get("id")), "id", "id must be 1-64 letters, digits, '_', '.' or '-'");
            }
            String pattern = requiredText(values, "pattern");
            boolean regex = bool(values, "regex", false);
            String department = requiredText(values, "department");
            String urgency = requiredText(values, "urgency");
            double confidence = confidence(values, regex);
            List<String> keywords = texts(values, "keywords");
            List<String> exclude = texts(values, "exclude");
            Set<TicketField> fields = fields(values);
            boolean enabled = bool(values, "enabled", true);
            int order = integer(values, "order", Integer.MAX_VALUE);
            String description = optionalText(values, "description");
            if (problems.size() > problemsBefore
                    || id == null || pattern == null || department == null || urgency == null) {
                return null; // a missing required field is among the problems
            }
            Location patternAt = at(Objects.requireNonNull(values.get("pattern")));
            Rule rule = new Rule(id, description == null ? "" : description, pattern, regex, keywords, exclude, fields,
                    department, urgency, confidence, enabled, at(node), patternAt);
            return new OrderedRule(rule, order, index);
        }

        private @Nullable String requiredText(Map<String, Node> values, String key) {
            Node value = values.get(key);
            if (value == null) {
                problem(node, key, "missing required field '" + key + "'");
                return null;
            }
            String text = scalar(value);
            if (text == null || text.isBlank()) {
                problem(value, key, "'" + key + "' must be a non-empty text");
                return null;
            }
            return text;
        }

        private @Nullable String optionalText(Map<String, Node> values, String key) {
            Node value = values.get(key);
            if (value == null) {
                return null;
            }
            String text = scalar(value);
            if (text == null) {
                problem(value, key, "'" + key + "' must be a text");
            }
            return text;
        }

        private boolean bool(Map<String, Node> values, String key, boolean fallback) {
            Node value = values.get(key);
            if (value == null) {
                return fallback;
            }
            String text = scalar(value);
            if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                return Boolean.parseBoolean(text);
            }
            problem(value, key, "'" + key + "' must be true or false");
            return fallback;
        }

        private int integer(Map<String, Node> values, String key, int fallback) {
            Node value = values.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(String.valueOf(scalar(value)).trim());
            } catch (NumberFormatException e) {
                problem(value, key, "'" + key + "' must be a whole number");
                return fallback;
            }
        }

        private double confidence(Map<String, Node> values, boolean regex) {
            Node value = values.get("confidence");
            if (value == null) {
                return regex ? Rule.DEFAULT_REGEX_CONFIDENCE : Rule.DEFAULT_LITERAL_CONFIDENCE;
            }
            try {
                double confidence = Double.parseDouble(String.valueOf(scalar(value)).trim());
                if (confidence >= 0.0 && confidence <= 1.0) {
                    return confidence;
                }
            } catch (NumberFormatException e) {
                // reported below, like an out-of-range value
            }
            problem(value, "confidence", "'confidence' must be a number between 0 and 1");
            return 0;
        }

        private List<String> texts(Map<String, Node> values, String key) {
            Node value = values.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof SequenceNode sequence)) {
                problem(value, key, "'" + key + "' must be a list of texts");
                return List.of();
            }
            List<String> texts = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                String text = scalar(item);
                if (text == null || text.isEmpty()) {
                    problem(item, key, "'" + key + "' entries must be non-empty texts");
                } else {
                    texts.add(text);
                }
            }
            return texts;
        }

        private Set<TicketField> fields(Map<String, Node> values) {
            if (!values.containsKey("fields")) {
                return Rule.DEFAULT_FIELDS;
            }
            Set<TicketField> fields = EnumSet.noneOf(TicketField.class);
            Set<String> names = new HashSet<>(texts(values, "fields"));
            for (String name : names) {
                TicketField.fromYaml(name).ifPresentOrElse(fields::add, () -> problem(values.get("fields"), "fields",
                        "unknown field '" + name + "'; use subject, description or channel"));
            }
            if (fields.isEmpty() && problems.size() == problemsBefore) {
                problem(values.get("fields"), "fields", "'fields' must name at least one field");
            }
            return fields;
        }

        private void problem(Node where, String key, String message) {
            String field = "rules[" + index + "]" + (key.isEmpty() ? "" : "." + key);
            problems.add(RuleSetProblem.at(at(where), field, id, message));
        }
    }
}
