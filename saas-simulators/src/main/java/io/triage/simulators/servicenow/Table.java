package io.triage.simulators.servicenow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * One ServiceNow table in memory: rows of string values keyed by column, as the Table API stores and returns them
 * ({@code sysparm_display_value=false}). Thread-safe.
 */
final class Table {

    /** A page of matching rows and how many matched in all. */
    record Page(List<Map<String, String>> rows, int total) {
    }

    private final String name;
    private final List<String> columns;
    private final Set<String> dateColumns;
    private final Map<String, String> referenceTargets;
    private final Set<String> journalColumns;
    private final List<Map<String, String>> rows = new ArrayList<>();

    Table(String name, List<String> columns, Set<String> dateColumns, Map<String, String> referenceTargets,
          Set<String> journalColumns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.dateColumns = Set.copyOf(dateColumns);
        this.referenceTargets = Map.copyOf(referenceTargets);
        this.journalColumns = Set.copyOf(journalColumns);
    }

    String name() {
        return name;
    }

    List<String> columns() {
        return columns;
    }

    /** The table a reference column points at, or null when the column is not a reference. */
    @Nullable String referenceTarget(String column) {
        return referenceTargets.get(column);
    }

    boolean journal(String column) {
        return journalColumns.contains(column);
    }

    synchronized void insert(Map<String, String> row) {
        rows.add(new LinkedHashMap<>(row));
    }

    synchronized Optional<Map<String, String>> get(String sysId) {
        return find(sysId).map(LinkedHashMap::new);
    }

    /** Applies {@code change} to the row under the table's lock; returns the changed row, or empty when unknown. */
    synchronized Optional<Map<String, String>> update(String sysId, Consumer<Map<String, String>> change) {
        Optional<Map<String, String>> row = find(sysId);
        row.ifPresent(change);
        return row.map(LinkedHashMap::new);
    }

    synchronized List<Map<String, String>> all() {
        return rows.stream().<Map<String, String>>map(LinkedHashMap::new).toList();
    }

    synchronized Page list(@Nullable String sysparmQuery, ZoneId literalZone, boolean invalidReturnsNoRows, int offset, int limit) {
        EncodedQuery query = EncodedQuery.parse(sysparmQuery, Set.copyOf(columns), dateColumns, literalZone);
        if (query.invalid() && invalidReturnsNoRows) {
            return new Page(List.of(), 0);
        }
        // Without ORDERBY the order is insertion order, which is stable here (on a real instance it is not).
        Comparator<Map<String, String>> ordering = query.ordering();
        List<Map<String, String>> matching = rows.stream().filter(query.filter())
                .sorted(ordering != null ? ordering : (a, b) -> 0).toList();
        List<Map<String, String>> page = matching.stream().skip(offset).limit(limit)
                .<Map<String, String>>map(LinkedHashMap::new).toList();
        return new Page(page, matching.size());
    }

    synchronized void clear() {
        rows.clear();
    }

    private Optional<Map<String, String>> find(String sysId) {
        return rows.stream().filter(r -> sysId.equals(r.get("sys_id"))).findFirst();
    }
}
