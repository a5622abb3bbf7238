package io.triage.classify.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.triage.classify.training.TrainingFileReader;
import org.jspecify.annotations.Nullable;

/** {@code --name value} pairs after the command word; repeated {@code --column a=b} options are collected. */
record CommandLineOptions(String command, Map<String, String> values, Map<String, String> columns) {

    static CommandLineOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> columns = new HashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --option value, found '" + name + "'");
            }
            String value = args.get(i + 1);
            if (name.equals("--column")) {
                Map.Entry<String, String> mapping = TrainingFileReader.columnMapping(value);
                columns.put(mapping.getKey(), mapping.getValue());
            } else {
                values.put(name.substring(2), value);
            }
        }
        return new CommandLineOptions(args.getFirst(), values, columns);
    }

    @Nullable String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    double number(String name, double fallback) {
        String value = values.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
