package io.triage.systemtests.observability;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query grafana/ holds: each dashboard panel's targets, and each alert rule's expression reduced to the series
 * under it (its threshold comparisons dropped, each operand of a top-level {@code unless} / {@code and} on its own),
 * since a healthy suite must have those series without firing.
 */
final class PromQueries {

    static final Path GRAFANA = Path.of("..", "grafana");
    static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
    static final Path ALERTS = GRAFANA.resolve("alerts/triage-alerts.yml");
    static final Path ALERTMANAGER = GRAFANA.resolve("alertmanager/alertmanager.yml");

    /** A comparison with a number at the end of an operand: {@code > 0.01}, {@code == 0}, {@code >= bool 3}. */
    private static final Pattern THRESHOLD =
            Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*(bool\\s+)?[-+]?[0-9.]+([eE][-+]?[0-9]+)?\\s*$");
    /** Vector matching after a set operator: {@code on (source)} or {@code ignoring (…)}. */
    private static final Pattern MATCHING = Pattern.compile("^\\s*(on|ignoring)\\s*\\([^)]*\\)\\s*");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One query: where it comes from (dashboard and panel, or alert) and the PromQL. */
    record Query(String origin, String expr) {
    }

    private PromQueries() {
    }

    static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    static JsonNode dashboard(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    static List<Query> panelQueries() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = dashboard(file);
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query("dashboard " + dashboard.path("uid").asString() + " / panel \""
                            + panel.path("title").asString() + "\" (" + target.path("refId").asString() + ")",
                            target.path("expr").asString()));
                }
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    static List<Query> alertQueries() throws IOException {
        List<Query> queries = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(ALERTS)) {
            Map<String, Object> rules = new Yaml().load(reader);
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    String name = "alert " + group.get("name") + " / " + rule.get("alert");
                    for (String operand : seriesUnder((String) rule.get("expr"))) {
                        queries.add(new Query(name, operand));
                    }
                }
            }
        }
        return queries;
    }

    /** The expression's operands around top-level {@code unless} and {@code and}, each without its threshold. */
    static List<String> seriesUnder(String expr) {
        List<String> operands = new ArrayList<>();
        int depth = 0;
        int start = 0;
        String flat = expr.replaceAll("\\s+", " ").trim();
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (depth == 0 && c == ' ') {
                for (String operator : new String[] {" unless ", " and "}) {
                    if (flat.startsWith(operator, i)) {
                        operands.add(flat.substring(start, i));
                        start = i + operator.length();
                    }
                }
            }
        }
        operands.add(flat.substring(start));
        return operands.stream()
                .map(operand -> MATCHING.matcher(operand).replaceFirst(""))
                .map(operand -> THRESHOLD.matcher(operand).replaceFirst("").trim())
                .toList();
    }
}
