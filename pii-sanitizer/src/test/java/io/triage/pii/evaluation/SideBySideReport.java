package io.triage.pii.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One Markdown table with the development sets and the held-out set side by side: per kind, the share of PII
 * characters removed and the token recall, so that a gap between the data we developed on and unseen text shows.
 */
final class SideBySideReport {

    /** Every kind with a gold label in any of the sets, in a stable order. */
    private static final List<String> KINDS = List.of("EMAIL", "PHONE", "ACCOUNT_ID", "CREDIT_CARD", "IBAN",
            "IP_ADDRESS", "US_SSN", "UK_NINO", "URL", "DATE_OF_BIRTH", "STREET_ADDRESS", "PERSON", "ORG",
            "LOCATION");
    /** Kinds found by patterns and validators, beyond the five of {@link Evaluation#STRUCTURED}. */
    static final Set<String> ALL_PATTERN_KINDS = Set.of("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "ACCOUNT_ID",
            "IP_ADDRESS", "US_SSN", "UK_NINO", "URL");

    private final Map<String, Evaluation> columns = new LinkedHashMap<>();

    SideBySideReport add(String column, Evaluation evaluation) {
        columns.put(column, evaluation);
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| kind |");
        columns.keySet().forEach(column -> out.append(' ').append(column).append(" |"));
        out.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (String kind : KINDS) {
            List<String> cells = new ArrayList<>();
            for (Evaluation evaluation : columns.values()) {
                double removed = evaluation.detectionRate(kind);
                double recall = evaluation.recall(kind);
                cells.add(Double.isNaN(removed) ? "–" : String.format(Locale.ROOT, "%.1f %% / %s", 100 * removed,
                        Double.isNaN(recall) ? "–" : String.format(Locale.ROOT, "%.3f", recall)));
            }
            if (cells.stream().anyMatch(cell -> !cell.equals("–"))) {
                out.append("| ").append(kind).append(" | ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        row(out, "structured (email, phone, card, IBAN, account id)", Evaluation.STRUCTURED);
        row(out, "all pattern kinds (+ IP, SSN, NINO, URL)", ALL_PATTERN_KINDS);
        out.append("| all labelled PII |");
        columns.values().forEach(e -> out.append(' ').append(percent(e.overallDetectionRate())).append(" |"));
        out.append("\n\nCells: share of labelled PII characters removed / token recall of the kind.\n");
        return out.toString();
    }

    private void row(StringBuilder out, String title, Set<String> kinds) {
        out.append("| ").append(title).append(" |");
        columns.values().forEach(e -> out.append(' ').append(percent(e.detectionRate(kinds))).append(" |"));
        out.append('\n');
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * value);
    }
}
