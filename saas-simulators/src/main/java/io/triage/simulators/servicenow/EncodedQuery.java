package io.triage.simulators.servicenow;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code sysparm_query}: conditions joined by {@code ^} (AND) and {@code ^OR} (OR, binding tighter, as in
 * ServiceNow), and {@code ORDERBY}/{@code ORDERBYDESC} sort keys. Operators: {@code = != LIKE NOTLIKE STARTSWITH
 * ENDSWITH ISEMPTY ISNOTEMPTY IN}, and {@code > >= < <=} (numeric when both sides are numbers, else by string, which
 * orders {@code YYYY-MM-DD HH:MM:SS} correctly). A condition on an unknown column is invalid: ignored, or the whole
 * query matches nothing when {@code invalidReturnsNoRows}.
 */
final class EncodedQuery {

    private static final Pattern CONDITION = Pattern.compile(
            "^([a-z0-9_.]+?)(!=|>=|<=|=|>|<|NOTLIKE|LIKE|STARTSWITH|ENDSWITH|ISNOTEMPTY|ISEMPTY|IN)(.*)$", Pattern.DOTALL);
    private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<List<Predicate<Map<String, String>>>> andOfOrs = new ArrayList<>();
    private final List<Comparator<Map<String, String>>> order = new ArrayList<>();
    private boolean invalid;

    private EncodedQuery() {
    }

    static EncodedQuery parse(@Nullable String query, Set<String> columns, Set<String> dateColumns, ZoneId literalZone) {
        EncodedQuery parsed = new EncodedQuery();
        if (query == null || query.isBlank()) {
            return parsed;
        }
        for (String part : query.split("\\^")) {
            if (part.startsWith("ORDERBYDESC")) {
                parsed.orderBy(part.substring(11), columns, true);
            } else if (part.startsWith("ORDERBY")) {
                parsed.orderBy(part.substring(7), columns, false);
            } else if (part.startsWith("OR") && !parsed.andOfOrs.isEmpty()) {
                parsed.condition(part.substring(2), columns, dateColumns, literalZone)
                        .ifPresent(c -> parsed.andOfOrs.getLast().add(c));
            } else if (!part.isEmpty()) {
                parsed.condition(part, columns, dateColumns, literalZone)
                        .ifPresent(c -> parsed.andOfOrs.add(new ArrayList<>(List.of(c))));
            }
        }
        return parsed;
    }

    /** Whether some part of the query named an unknown column or operator. */
    boolean invalid() {
        return invalid;
    }

    Predicate<Map<String, String>> filter() {
        return row -> andOfOrs.stream().allMatch(ors -> ors.stream().anyMatch(p -> p.test(row)));
    }

    /** The ordering the query asks for, or null when it asks for none. */
    @Nullable Comparator<Map<String, String>> ordering() {
        return order.stream().reduce(Comparator::thenComparing).orElse(null);
    }

    private void orderBy(String column, Set<String> columns, boolean descending) {
        if (!columns.contains(column)) {
            invalid = true;
            return;
        }
        Comparator<Map<String, String>> byColumn = (a, b) -> compare(a.getOrDefault(column, ""), b.getOrDefault(column, ""));
        order.add(descending ? byColumn.reversed() : byColumn);
    }

    private java.util.Optional<Predicate<Map<String, String>>> condition(String text, Set<String> columns,
                                                                         Set<String> dateColumns, ZoneId zone) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches() || !columns.contains(m.group(1))) {
            invalid = true;
            return java.util.Optional.empty();
        }
        String column = m.group(1);
        String operator = m.group(2);
        String value = dateColumns.contains(column) ? toUtc(m.group(3), zone) : m.group(3);
        return java.util.Optional.of(row -> test(row.getOrDefault(column, ""), operator, value));
    }

    private static boolean test(String actual, String operator, String value) {
        return switch (operator) {
            case "=" -> actual.equals(value);
            case "!=" -> !actual.equals(value);
            case "LIKE" -> actual.contains(value);
            case "NOTLIKE" -> !actual.contains(value);
            case "STARTSWITH" -> actual.startsWith(value);
            case "ENDSWITH" -> actual.endsWith(value);
            case "ISEMPTY" -> actual.isEmpty();
            case "ISNOTEMPTY" -> !actual.isEmpty();
            case "IN" -> List.of(value.split(",")).contains(actual);
            case ">" -> compare(actual, value) > 0;
            case ">=" -> compare(actual, value) >= 0;
            case "<" -> compare(actual, value) < 0;
            case "<=" -> compare(actual, value) <= 0;
            default -> false;
        };
    }

    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b);
        }
    }

    /** Reads a {@code YYYY-MM-DD HH:MM:SS} literal in {@code zone} and writes it in UTC; other text is kept. */
    private static String toUtc(String literal, ZoneId zone) {
        try {
            return LocalDateTime.parse(literal, GLIDE).atZone(zone).withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime().format(GLIDE);
        } catch (DateTimeParseException notADateTime) {
            return literal;
        }
    }
}
