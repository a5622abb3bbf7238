package io.triage.classify.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV: a header row, quoted fields with doubled quotes, line breaks inside quotes, LF or CRLF. */
final class CsvRows {

    private CsvRows() {
    }

    static List<TrainingFileReader.Row> rows(String content) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordStart = 1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                addUnlessBlank(records, startLines, record, recordStart);
                record = new ArrayList<>();
                line++;
                recordStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new TrainingDataException("unterminated quoted field", recordStart);
        }
        record.add(field.toString());
        addUnlessBlank(records, startLines, record, recordStart);
        return toRows(records, startLines);
    }

    private static void addUnlessBlank(List<List<String>> records, List<Integer> lines, List<String> record,
            int line) {
        if (!(record.size() == 1 && record.getFirst().isBlank())) {
            records.add(record);
            lines.add(line);
        }
    }

    private static List<TrainingFileReader.Row> toRows(List<List<String>> records, List<Integer> lines) {
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
