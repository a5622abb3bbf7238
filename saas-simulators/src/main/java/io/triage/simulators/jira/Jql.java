package io.triage.simulators.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.simulators.SimRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JQL subset the simulator understands: clauses joined by {@code AND}, on {@code project}, {@code key},
 * {@code updated}, {@code created}, {@code labels}, {@code status}, {@code priority}, {@code summary}, {@code text},
 * with {@code = != > >= < <= ~ in}, and {@code ORDER BY field [ASC|DESC], …}. Date literals
 * ({@code "yyyy-MM-dd HH:mm"} or {@code "yyyy-MM-dd"}) are read in the configured zone at minute resolution.
 * Anything else is a 400, as an unknown field is on Jira.
 */
final class Jql {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\"[^\"]*\"|'[^']*'|>=|<=|!=|[=<>~(),]|[^\\s=<>!~(),\"']+)");
    private static final Set<String> FIELDS = Set.of("project", "key", "issuekey", "updated", "created", "labels",
            "status", "priority", "summary", "text");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final List<Predicate<JsonNode>> clauses = new ArrayList<>();
    private Comparator<JsonNode> order = Comparator.comparing(i -> i.get("id").asLong());

    private Jql() {
    }

    boolean bounded() {
        return !clauses.isEmpty();
    }

    Predicate<JsonNode> filter() {
        return issue -> clauses.stream().allMatch(c -> c.test(issue));
    }

    Comparator<JsonNode> order() {
        return order;
    }

    static Jql parse(@Nullable String jql, ZoneId zone) {
        try {
            return parseTokens(tokens(jql == null ? "" : jql), zone);
        } catch (IndexOutOfBoundsException e) {
            throw new SimRequest.BadRequest("Error in the JQL Query: the query ends unexpectedly");
        }
    }

    private static Jql parseTokens(List<String> tokens, ZoneId zone) {
        Jql parsed = new Jql();
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).equalsIgnoreCase("ORDER")) {
            if (!parsed.clauses.isEmpty()) {
                expect(tokens, i++, "AND");
            }
            String field = field(tokens, i++);
            String operator = tokens.get(i++).toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            if (operator.equals("in")) {
                expect(tokens, i++, "(");
                while (!tokens.get(i).equals(")")) {
                    if (!tokens.get(i).equals(",")) {
                        values.add(unquote(tokens.get(i)));
                    }
                    i++;
                }
                i++;
            } else {
                values.add(unquote(tokens.get(i++)));
            }
            parsed.clauses.add(clause(field, operator, values, zone));
        }
        if (i < tokens.size()) {
            expect(tokens, i + 1, "BY");
            parsed.order = orderBy(tokens.subList(i + 2, tokens.size()));
        }
        return parsed;
    }

    private static Predicate<JsonNode> clause(String field, String operator, List<String> values, ZoneId zone) {
        if (field.equals("updated") || field.equals("created")) {
            Instant literal = date(values.getFirst(), zone);
            return issue -> compare(minute(issue, field).compareTo(literal), operator);
        }
        return issue -> {
            List<String> actual = values(issue, field);
            return switch (operator) {
                case "=" -> actual.stream().anyMatch(v -> v.equalsIgnoreCase(values.getFirst()));
                case "!=" -> actual.stream().noneMatch(v -> v.equalsIgnoreCase(values.getFirst()));
                case "in" -> actual.stream().anyMatch(v -> values.stream().anyMatch(v::equalsIgnoreCase));
                case "~" -> actual.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(values.getFirst().toLowerCase(Locale.ROOT)));
                default -> throw new SimRequest.BadRequest("Operator '" + operator + "' is not supported for field '" + field + "'");
            };
        };
    }

    private static boolean compare(int comparison, String operator) {
        return switch (operator) {
            case "=" -> comparison == 0;
            case "!=" -> comparison != 0;
            case ">" -> comparison > 0;
            case ">=" -> comparison >= 0;
            case "<" -> comparison < 0;
            case "<=" -> comparison <= 0;
            default -> throw new SimRequest.BadRequest("Operator '" + operator + "' is not supported for dates");
        };
    }

    private static List<String> values(JsonNode issue, String field) {
        JsonNode fields = issue.path("fields");
        return switch (field) {
            case "project" -> List.of(fields.path("project").path("key").asString(""));
            case "key", "issuekey" -> List.of(issue.path("key").asString(""));
            case "labels" -> fields.path("labels").valueStream().map(JsonNode::asString).toList();
            case "status", "priority" -> List.of(fields.path(field).path("name").asString(""));
            case "summary" -> List.of(fields.path("summary").asString(""));
            default -> List.of(fields.path("summary").asString(""), Adf.text(fields.path("description")));
        };
    }

    private static Comparator<JsonNode> orderBy(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new SimRequest.BadRequest("Error in the JQL Query: the query ends unexpectedly");
        }
        // All issues tie until the first ORDER BY field decides.
        Comparator<JsonNode> order = (a, b) -> 0;
        int i = 0;
        while (i < tokens.size()) {
            String field = field(tokens, i++);
            boolean descending = false;
            if (i < tokens.size() && (tokens.get(i).equalsIgnoreCase("ASC") || tokens.get(i).equalsIgnoreCase("DESC"))) {
                descending = tokens.get(i++).equalsIgnoreCase("DESC");
            }
            Comparator<JsonNode> next = field.equals("updated") || field.equals("created")
                    ? Comparator.comparing((JsonNode issue) -> JiraSimulator.parseTime(issue.path("fields").path(field).asString()))
                    : Comparator.comparing((JsonNode issue) -> String.join(",", values(issue, field)));
            next = descending ? next.reversed() : next;
            order = order.thenComparing(next);
            if (i < tokens.size()) {
                expect(tokens, i++, ",");
            }
        }
        return order.thenComparing(issue -> issue.get("id").asLong());
    }

    private static Instant minute(JsonNode issue, String field) {
        return JiraSimulator.parseTime(issue.path("fields").path(field).asString()).truncatedTo(ChronoUnit.MINUTES);
    }

    private static Instant date(String literal, ZoneId zone) {
        String normalised = literal.replace('/', '-');
        try {
            return (normalised.length() > 10 ? LocalDateTime.parse(normalised, MINUTE)
                    : LocalDate.parse(normalised).atStartOfDay()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new SimRequest.BadRequest("Date value '" + literal + "' for field is invalid. Valid formats include: "
                    + "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd'");
        }
    }

    private static String field(List<String> tokens, int i) {
        String field = tokens.get(i).toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(field)) {
            throw new SimRequest.BadRequest("Field '" + tokens.get(i) + "' does not exist or you do not have permission to view it.");
        }
        return field;
    }

    private static void expect(List<String> tokens, int i, String expected) {
        if (i >= tokens.size() || !tokens.get(i).equalsIgnoreCase(expected)) {
            throw new SimRequest.BadRequest("Error in the JQL Query: expected '" + expected + "' (the simulator supports AND only)");
        }
    }

    private static String unquote(String token) {
        return token.length() >= 2 && (token.startsWith("\"") || token.startsWith("'")) ? token.substring(1, token.length() - 1) : token;
    }

    private static List<String> tokens(String jql) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(jql);
        int end = 0;
        while (m.find() && m.start() == end) {
            tokens.add(m.group(1));
            end = m.end();
        }
        if (!jql.substring(end).isBlank()) {
            throw new SimRequest.BadRequest("Error in the JQL Query: cannot read '" + jql.substring(end).trim() + "'");
        }
        return tokens;
    }
}
