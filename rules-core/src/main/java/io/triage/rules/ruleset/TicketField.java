package io.triage.rules.ruleset;

import java.util.Locale;
import java.util.Optional;

/** A part of a ticket a rule can look at; also the fixed order in which fields are scanned. */
public enum TicketField {
    SUBJECT,
    DESCRIPTION,
    CHANNEL;

    /** The name used in YAML ({@code subject}, {@code description}, {@code channel}). */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a YAML field name, case-insensitively. */
    public static Optional<TicketField> fromYaml(String name) {
        for (TicketField field : values()) {
            if (field.yamlName().equalsIgnoreCase(name.trim())) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
