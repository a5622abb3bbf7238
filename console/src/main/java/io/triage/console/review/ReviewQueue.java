package io.triage.console.review;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
import io.triage.console.upstream.ValidatedTickets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tickets waiting for a person: among ingestion-service's most recent tickets, those whose decision is
 * {@code NEEDS_REVIEW} and that carry no validated label yet, with their sanitised text, the decision's best three
 * department candidates and its explanation. Raw ticket text never reaches the console: ingestion-service serves
 * sanitised copies only.
 */
@Component
class ReviewQueue {

    private static final String NEEDS_REVIEW = "NEEDS_REVIEW";

    private final Upstream upstream;
    private final ValidatedTickets validated;
    private final URI ingestion;
    private final int tickets;
    private final JsonMapper json;

    ReviewQueue(Upstream upstream, ValidatedTickets validated, ConsoleProperties properties, JsonMapper json) {
        this.upstream = upstream;
        this.validated = validated;
        this.ingestion = properties.ingestionService();
        this.tickets = properties.reviewTickets();
        this.json = json;
    }

    /** A department the decision considered, with its confidence. */
    record Candidate(String department, double confidence) {
    }

    /** One ticket to review. */
    record ReviewItem(String ticketId, String decisionId, String source, String text, List<Candidate> candidates,
            String explanation) {
    }

    /** The queue, or ingestion-service's refusal as it answered it. */
    sealed interface Answer {
    }

    record Items(List<ReviewItem> items) implements Answer {
    }

    record Refused(ResponseEntity<String> answer) implements Answer {
    }

    Answer pending(Authentication caller) {
        ResponseEntity<String> recent = upstream.call(HttpMethod.GET, ingestion, "/tickets?limit=" + tickets, null,
                caller);
        if (!recent.getStatusCode().is2xxSuccessful() || recent.getBody() == null) {
            return new Refused(recent);
        }
        JsonNode recentTickets = json.readTree(recent.getBody());
        Instant oldest = Instant.now();
        for (JsonNode ticket : recentTickets) {
            Instant created = instant(ticket.path("createdAt").asString(""));
            if (created != null && created.isBefore(oldest)) {
                oldest = created;
            }
        }
        Labelled labelled = labelledSince(oldest, caller);
        if (labelled.refusal() != null) {
            return new Refused(labelled.refusal()); // never a queue of already-reviewed tickets shown as pending
        }
        List<ReviewItem> items = new ArrayList<>();
        for (JsonNode ticket : recentTickets) {
            String id = ticket.path("ticketId").asString();
            if (labelled.ids().contains(id)) {
                continue;
            }
            ResponseEntity<String> decision = upstream.call(HttpMethod.GET, ingestion, "/tickets/" + id + "/decision",
                    null, caller);
            if (decision.getStatusCode().is2xxSuccessful() && decision.getBody() != null) {
                JsonNode decided = json.readTree(decision.getBody());
                if (NEEDS_REVIEW.equals(decided.path("routingMethod").asString(""))) {
                    items.add(item(ticket, decided));
                }
            }
        }
        return new Items(items);
    }

    private ReviewItem item(JsonNode ticket, JsonNode decision) {
        JsonNode answer = decision.path("answer");
        // A NEEDS_REVIEW answer from classify-service carries what a person chooses from in candidates.department and
        // no alternatives; alternatives are the fallback, as in ingestion-service's review note (NoteValues).
        JsonNode considered = answer.path("candidates").path("department");
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode alternative : considered.isArray() && !considered.isEmpty() ? considered
                : answer.path("alternatives")) {
            if (candidates.size() < 3) {
                candidates.add(new Candidate(alternative.path("label").asString(),
                        alternative.path("confidence").asDouble()));
            }
        }
        return new ReviewItem(ticket.path("ticketId").asString(), decision.path("decisionId").asString(),
                ticket.path("source").asString(""), ticket.path("text").asString(""), candidates,
                answer.path("explanation").path("summary").asString(""));
    }

    /** The ids labelled since a time, or ingestion-service's refusal. */
    private record Labelled(Set<String> ids, @Nullable ResponseEntity<String> refusal) {
    }

    /**
     * Tickets that already carry a validated label, validated at or after the oldest ticket the queue looks at (a
     * label cannot be older than its ticket), page by page ({@link ValidatedTickets}): someone has reviewed them.
     */
    private Labelled labelledSince(Instant since, Authentication caller) {
        Set<String> ids = new HashSet<>();
        ResponseEntity<String> refusal = validated.since(since.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS), caller,
                item -> ids.add(item.path("id").asString()));
        return refusal == null ? new Labelled(ids, null) : new Labelled(Set.of(), refusal);
    }

    private static @Nullable Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
