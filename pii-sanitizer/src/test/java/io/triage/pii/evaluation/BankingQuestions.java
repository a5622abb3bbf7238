package io.triage.pii.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the texts of Banking77's {@code train.csv} ({@code text,category}, RFC 4180 quoting, questions may span
 * lines). The questions hold no personal data, so every change the sanitiser makes to them is over-redaction.
 */
final class BankingQuestions {

    private BankingQuestions() {
    }

    static List<String> read(Path file) {
        String csv;
        try {
            csv = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> texts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted && c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (!quoted && c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                texts.add(fields.getFirst());
                fields.clear();
            } else if (c != '\r' || quoted) {
                field.append(c);
            }
        }
        // The first row is the header.
        return texts.subList(1, texts.size());
    }
}
