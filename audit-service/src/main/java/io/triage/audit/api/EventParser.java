package io.triage.audit.api;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.triage.audit.chain.NewAuditEvent;
import io.triage.audit.config.AuditProperties;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.TooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code POST /audit/events} bodies — one event (a JSON object) or a batch (an array) — binding them straight
 * to {@link NewAuditEvent} records, and validates every event before anything is queued for writing, naming the
 * offending field ({@code [index].field} in a batch).
 */
@Component
class EventParser {

    private final JsonMapper json;
    private final Validator validator;
    private final AuditProperties properties;

    EventParser(JsonMapper json, Validator validator, AuditProperties properties) {
        this.json = json;
        this.validator = validator;
        this.properties = properties;
    }

    /** Whether {@code body} is a batch (a JSON array) rather than one event (a JSON object). */
    static boolean isBatch(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '[';
            }
        }
        return false;
    }

    NewAuditEvent single(byte[] body) {
        NewAuditEvent event = bind(body, NewAuditEvent.class, "event");
        if (event == null) {
            throw new InvalidInputException("event", "An event must be a JSON object");
        }
        validate(event, "");
        return event;
    }

    List<NewAuditEvent> batch(byte[] body) {
        NewAuditEvent[] events = Objects.requireNonNull(bind(body, NewAuditEvent[].class, "events"), "an array");
        if (events.length == 0) {
            throw new InvalidInputException("events", "A batch needs at least one event");
        }
        if (events.length > properties.maxBatchSize()) {
            throw new TooLargeException("A batch holds at most " + properties.maxBatchSize() + " events, got "
                    + events.length).with("field", "events");
        }
        for (int i = 0; i < events.length; i++) {
            if (events[i] == null) {
                throw new InvalidInputException("[" + i + "]", "An event must be a JSON object");
            }
            validate(events[i], "[" + i + "].");
        }
        return Arrays.asList(events);
    }

    /** Binds the body straight to records (no tree in between); a value of the wrong shape names its field. */
    private <T> @Nullable T bind(byte[] body, Class<T> type, String whole) {
        try {
            return json.readValue(body, type);
        } catch (DatabindException e) {
            String path = path(e);
            String field = path.isEmpty() ? whole : path;
            if (path.isEmpty() || path.endsWith("]")) {
                throw new InvalidInputException(field, "An event must be a JSON object");
            }
            throw new InvalidInputException(field, "Invalid value for '" + field + "': " + e.getOriginalMessage()
                    .replaceAll("`(?:[a-z]\\w*\\.)+([A-Z][\\w$]*)`", "$1").replaceAll("\\(class [^)]*\\)", ""));
        } catch (JacksonException e) {
            // Worded as the platform words a body it cannot read, since this body is read here instead.
            var location = e.getLocation();
            throw new InvalidInputException(whole, (location == null || location.getLineNr() < 1 ? "Malformed JSON"
                    : "Malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr())
                    + ": " + e.getOriginalMessage());
        }
    }

    private void validate(NewAuditEvent event, String prefix) {
        Set<ConstraintViolation<NewAuditEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            List<Map<String, String>> errors = violations.stream()
                    .map(v -> Map.of("field", prefix + v.getPropertyPath(), "message", v.getMessage()))
                    .sorted(Comparator.comparing(error -> error.get("field")))
                    .toList();
            String first = Objects.requireNonNull(errors.getFirst().get("field"), "every error names its field");
            throw new InvalidInputException(first,
                    "Invalid " + errors.stream().map(error -> error.get("field")).distinct().toList())
                    .with("errors", errors);
        }
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
