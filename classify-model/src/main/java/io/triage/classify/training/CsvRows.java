package io.triage.classify.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * RFC 4180 CSV read with Jackson CSV: a header row, quoted fields with doubled quotes, line breaks inside quotes, LF,
 * CRLF or CR. Blank lines are skipped; every record keeps the line it starts on, for error messages.
 */
final class CsvRows {

    private static final String MISSING_CLOSING_QUOTE = "Missing closing quote";

    /** Each record as an array of strings, in one outer array (no schema: the header is just the first record). */
    private static final ObjectReader RECORDS = CsvMapper.builder().build().readerFor(String[].class)
            .with(CsvReadFeature.WRAP_AS_ARRAY);

    private CsvRows() {
    }

    static List<TrainingFileReader.Row> rows(String content) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        int line = 1;
        try (MappingIterator<String[]> iterator = RECORDS.readValues(content)) {
            while (iterator.hasNextValue()) {
                line = iterator.currentLocation().getLineNr();
                List<String> record = Arrays.asList(iterator.nextValue());
                if (!(record.size() == 1 && record.getFirst().isBlank())) {
                    records.add(record);
                    startLines.add(line);
                }
                // Where the next record starts, should reading it fail before its first token.
                line = iterator.currentLocation().getLineNr();
            }
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage();
            throw new TrainingDataException(reason != null && reason.startsWith(MISSING_CLOSING_QUOTE)
                    ? "unterminated quoted field" : "malformed CSV: " + reason, line);
        }
        return toRows(records, startLines);
    }

    private static List<TrainingFileReader.Row> toRows(List<List<String>> records, List<Integer> lines) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.getFirst();
        List<TrainingFileReader.Row> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() != header.size()) {
                throw new TrainingDataException("expected " + header.size() + " fields as in the header, found "
                        + values.size(), lines.get(r));
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), values.get(c));
            }
            rows.add(new TrainingFileReader.Row(lines.get(r), cells));
        }
        return rows;
    }
}
