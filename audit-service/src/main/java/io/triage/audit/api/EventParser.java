package io.triage.audit.api;

import java.util.ArrayList;
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
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code POST /audit/events} bodies — one event (a JSON object) or a batch (an array) — and validates every
 * event before anything is written, naming the offending field ({@code [index].field} in a batch).
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

    NewAuditEvent single(JsonNode body) {
        return parse(body, "");
    }

    List<NewAuditEvent> batch(JsonNode body) {
        if (body.isEmpty()) {
            throw new InvalidInputException("events", "A batch needs at least one event");
        }
        if (body.size() > properties.maxBatchSize()) {
            throw new TooLargeException("A batch holds at most " + properties.maxBatchSize() + " events, got "
                    + body.size()).with("field", "events");
        }
        List<NewAuditEvent> events = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            events.add(parse(body.get(i), "[" + i + "]."));
        }
        return events;
    }

    private NewAuditEvent parse(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(prefix.isEmpty() ? "event" : prefix.substring(0, prefix.length() - 1),
                    "An event must be a JSON object");
        }
        NewAuditEvent event;
        try {
            event = json.treeToValue(node, NewAuditEvent.class);
        } catch (DatabindException e) {
            String field = prefix + path(e);
            throw new InvalidInputException(field, "Invalid value for '" + field + "': " + e.getOriginalMessage()
                    .replaceAll("`(?:[a-z]\\w*\\.)+([A-Z][\\w$]*)`", "$1").replaceAll("\\(class [^)]*\\)", ""));
        } catch (JacksonException e) {
            throw new InvalidInputException(prefix.isEmpty() ? "event" : prefix, "Unreadable event");
        }
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
        return event;
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
