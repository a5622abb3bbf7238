package io.triage.console.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-source series out of ingestion-service's Prometheus exposition ({@code GET /metrics}, text format
 * 0.0.4): only numbers and the source tag are kept, so nothing else of the exposition reaches the page.
 */
final class MetricsExposition {

    static final List<String> SOURCES = List.of("servicenow", "zendesk", "jira");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsExposition(List<Sample> samples) {
        this.samples = samples;
    }

    static MetricsExposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            } catch (NumberFormatException notANumber) {
                // a value Prometheus would not accept either; the series is left out
            }
        }
        return new MetricsExposition(samples);
    }

    /** Every writable source, in a fixed order, with what the exposition says of it. */
    List<SourceHealth> sources() {
        return SOURCES.stream().map(source -> {
            double lag = sum("ingestion_source_lag_seconds", source, Map.of());
            double lastSuccess = sum("ingestion_source_last_success_seconds", source, Map.of());
            return new SourceHealth(source, Double.isFinite(lag) ? Math.round(lag) : null,
                    Double.isFinite(lastSuccess) ? Instant.ofEpochSecond((long) lastSuccess) : null,
                    count("ingestion_pulls_total", source, "failed"),
                    count("ingestion_pulls_total", source, "succeeded"),
                    count("ingestion_writeback_total", source, "failed"),
                    Math.round(zeroIfMissing(sum("ingestion_writeback_dead_letters", source, Map.of()))));
        }).toList();
    }

    private long count(String name, String source, String outcome) {
        return Math.round(zeroIfMissing(sum(name, source, Map.of("outcome", outcome))));
    }

    /** The sum of the matching series; NaN when there is none (or one is NaN: not seen yet). */
    private double sum(String name, String source, Map<String, String> also) {
        double total = Double.NaN;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && source.equals(sample.labels().get("source"))
                    && also.entrySet().stream().allMatch(e -> e.getValue().equals(sample.labels().get(e.getKey())))) {
                total = Double.isNaN(total) ? sample.value() : total + sample.value();
            }
        }
        return total;
    }

    private static double zeroIfMissing(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
