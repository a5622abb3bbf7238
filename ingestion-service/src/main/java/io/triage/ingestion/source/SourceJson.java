package io.triage.ingestion.source;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;

import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a source payload; a missing or malformed required value is a 400 naming its path, so a bad
 * delivery is refused before anything is stored.
 */
final class SourceJson {

    static final int MAX_ID = 255;

    private SourceJson() {
    }

    /** The text at {@code field} (numbers are read as text: Zendesk ids arrive as both); 400 when absent or blank. */
    static String required(JsonNode parent, String field, String path) {
        String value = optional(parent, field);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(path, path + " is required");
        }
        return value;
    }

    /**
     * A source's id of a ticket at {@code field}: required, and at most {@value #MAX_ID} characters (the sources'
     * ids are a few dozen at most); a longer one failed the unique index's row size with 500 (fuzz pass, issue 19).
     */
    static String id(JsonNode parent, String field, String path) {
        String id = required(parent, field, path);
        if (id.length() > MAX_ID) {
            throw new InvalidInputException(path, path + " is longer than " + MAX_ID + " characters");
        }
        return id;
    }

    /**
     * The text at {@code field}, or null when absent, null or empty. U+0000 is dropped: Postgres text cannot hold
     * it, and a source's ticket is not refused (and redelivered for ever) for a character no text needs.
     */
    static @Nullable String optional(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().replace("\u0000", "");
        return text.isEmpty() ? null : text;
    }

    /** The object at {@code field}; 400 when absent or not an object. */
    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode value = parent.path(field);
        if (!value.isObject()) {
            throw new InvalidInputException(path, path + " must be a JSON object");
        }
        return value;
    }

    /** A required date-time at {@code field} in the source's format; 400 naming it when absent or unreadable. */
    static Instant instant(JsonNode parent, String field, String path, DateTimeFormatter format) {
        String text = required(parent, field, path);
        try {
            return format.parse(text, (TemporalQuery<Instant>) Instant::from);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, path + " is not a date-time the source writes: " + abbreviate(text));
        }
    }

    /** An optional date-time; an unreadable one is dropped rather than refusing the ticket. */
    static @Nullable Instant optionalInstant(JsonNode parent, String field, DateTimeFormatter format) {
        String text = optional(parent, field);
        if (text == null) {
            return null;
        }
        try {
            return format.parse(text, (TemporalQuery<Instant>) Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Cuts {@code text} to the longest value the intake accepts. */
    static String bounded(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
