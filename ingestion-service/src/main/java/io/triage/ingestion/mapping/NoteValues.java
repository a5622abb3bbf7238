package io.triage.ingestion.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

import io.triage.ingestion.flow.TicketDecision;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The values of a note's placeholders, from a decision and classify-service's answer. Only what the decision holds:
 * labels, scores, rule and model versions, the rule's matched span (already sanitised) and neighbour ticket ids;
 * never the customer id or the ticket's text.
 */
final class NoteValues {

    private static final String NONE = "none";
    private static final int TOP = 3;

    private NoteValues() {
    }

    static Map<String, String> of(TicketDecision decision, WriteBackLevel level) {
        JsonNode answer = decision.answer() == null ? MissingNode.getInstance() : decision.answer();
        Map<String, String> values = new HashMap<>();
        values.put("level", level.name().toLowerCase(Locale.ROOT));
        values.put("department", orNone(decision.department()));
        values.put("urgency", orNone(decision.urgency()));
        values.put("sentiment", orNone(decision.sentiment()));
        values.put("method", orNone(decision.routingMethod()));
        values.put("confidence", decision.confidence() == null ? "n/a" : score(decision.confidence()));
        values.put("rule", rule(answer.path("explanation")));
        values.put("neighbours", neighbours(answer.path("explanation").path("similarTickets")));
        values.put("model", orNone(decision.modelVersion()));
        values.put("alternatives", scores(answer.path("alternatives"), Integer.MAX_VALUE));
        values.put("candidates", candidates(answer));
        values.put("decision", String.valueOf(decision.decisionId()));
        return values;
    }

    /** The top three department candidates: those a human must choose from, else the alternatives. */
    private static String candidates(JsonNode answer) {
        JsonNode department = answer.path("candidates").path("department");
        return scores(department.isArray() && !department.isEmpty() ? department : answer.path("alternatives"), TOP);
    }

    private static String rule(JsonNode explanation) {
        String rule = text(explanation.path("matchedRule"));
        if (rule == null) {
            return NONE;
        }
        String span = text(explanation.path("matchedText"));
        return span == null ? rule : rule + " (matched \"" + span + "\")";
    }

    private static String neighbours(JsonNode similar) {
        List<String> items = StreamSupport.stream(similar.spliterator(), false).limit(TOP)
                .filter(n -> text(n.path("ticketId")) != null)
                .map(n -> n.path("ticketId").asString() + " (" + score(n.path("similarity").asDouble()) + ")")
                .toList();
        return items.isEmpty() ? NONE : String.join(", ", items);
    }

    private static String scores(JsonNode labels, int limit) {
        List<String> items = StreamSupport.stream(labels.spliterator(), false).limit(limit)
                .filter(n -> text(n.path("label")) != null)
                .map(n -> n.path("label").asString() + " (" + score(n.path("confidence").asDouble()) + ")")
                .toList();
        return items.isEmpty() ? NONE : String.join(", ", items);
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String orNone(@Nullable String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
