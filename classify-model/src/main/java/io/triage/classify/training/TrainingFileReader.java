package io.triage.classify.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a customer's labelled history as CSV (header row) or JSON Lines (one object per line). Text comes from a
 * {@code text} column or from {@code subject} + {@code description}; labels from {@code department},
 * {@code urgency}, {@code sentiment} (any subset, cells may be empty). Other columns are refused by name, except a
 * few known descriptive ones, so a typo in a label column never silently trains a model without that head.
 */
public final class TrainingFileReader {

    static final Set<String> TEXT_COLUMNS = Set.of("text", "subject", "description");
    static final Set<String> DESCRIPTIVE_COLUMNS = Set.of("id", "ticket_id", "ticketid", "channel", "customer_id",
            "customerid", "language", "created_at", "createdat");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Map<String, String> aliases;

    /**
     * A column renaming as given on the command line or in a request, {@code source=head}
     * (e.g. {@code category=department}).
     *
     * @throws IllegalArgumentException when the value is not of that form
     */
    public static Map.Entry<String, String> columnMapping(String value) {
        String[] pair = value.split("=", 2);
        if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
            throw new IllegalArgumentException("a column mapping is source=head, e.g. category=department; got '"
                    + value + "'");
        }
        return Map.entry(pair[0].strip(), pair[1].strip());
    }

    /** @param aliases renamed columns, e.g. {@code category → department} for Banking77's file */
    public TrainingFileReader(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    public TrainingSet read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses file content; JSON Lines when the first non-blank character is '{', CSV otherwise. A leading UTF-8 byte
     * order mark (as spreadsheet exports write) is ignored.
     */
    public TrainingSet parse(String text, String sourceName) {
        String content = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        String trimmed = content.strip();
        if (trimmed.isEmpty()) {
            throw new TrainingDataException(sourceName + " is empty");
        }
        List<Row> rows = trimmed.startsWith("{") ? JsonLines.rows(content) : CsvRows.rows(content);
        List<LabelledText> examples = new ArrayList<>(rows.size());
        List<String> heads = new ArrayList<>();
        for (Row row : rows) {
            examples.add(toExample(row, heads));
        }
        if (examples.isEmpty()) {
            throw new TrainingDataException(sourceName + " has a header but no examples");
        }
        if (heads.isEmpty()) {
            throw new TrainingDataException(sourceName + " has no label column; expected any of " + Heads.ALL);
        }
        List<String> ordered = Heads.ALL.stream().filter(heads::contains).toList();
        return new TrainingSet(examples, ordered);
    }

    private LabelledText toExample(Row row, List<String> heads) {
        Map<String, String> labels = new LinkedHashMap<>();
        String text = null;
        String subject = "";
        String description = "";
        for (Map.Entry<String, String> cell : row.cells().entrySet()) {
            String column = aliases.getOrDefault(cell.getKey(), cell.getKey()).strip().toLowerCase(Locale.ROOT);
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            switch (column) {
                case "text" -> text = value;
                case "subject" -> subject = value;
                case "description" -> description = value;
                default -> {
                    if (Heads.ALL.contains(column)) {
                        if (!value.isEmpty()) {
                            labels.put(column, value);
                            if (!heads.contains(column)) {
                                heads.add(column);
                            }
                        }
                    } else if (!DESCRIPTIVE_COLUMNS.contains(column)) {
                        throw new TrainingDataException("unknown column '" + cell.getKey() + "'; label columns are "
                                + Heads.ALL + ", text columns " + TEXT_COLUMNS, row.line());
                    }
                }
            }
        }
        String joined = text != null ? text : (subject + "\n" + description).strip();
        if (joined.isEmpty()) {
            throw new TrainingDataException("example has no text (column text, or subject/description)",
                    row.line());
        }
        return new LabelledText(joined, labels);
    }

    /** One record of the file with the line it starts on. */
    record Row(int line, Map<String, String> cells) {
    }
}
