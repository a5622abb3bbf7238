package io.triage.console.review;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
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
    private final URI ingestion;
    private final int tickets;
    private final JsonMapper json;

    ReviewQueue(Upstream upstream, ConsoleProperties properties, JsonMapper json) {
        this.upstream = upstream;
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
        Set<String> labelled = labelled(caller);
        List<ReviewItem> items = new ArrayList<>();
        for (JsonNode ticket : json.readTree(recent.getBody())) {
            String id = ticket.path("ticketId").asString();
            if (labelled.contains(id)) {
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
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode alternative : answer.path("alternatives")) {
            if (candidates.size() < 3) {
                candidates.add(new Candidate(alternative.path("label").asString(),
                        alternative.path("confidence").asDouble()));
            }
        }
        return new ReviewItem(ticket.path("ticketId").asString(), decision.path("decisionId").asString(),
                ticket.path("source").asString(""), ticket.path("text").asString(""), candidates,
                answer.path("explanation").path("summary").asString(""));
    }

    /** Tickets that already carry a validated label (the last 30 days): someone has reviewed them. */
    private Set<String> labelled(Authentication caller) {
        Instant since = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<String> page = upstream.call(HttpMethod.GET, ingestion,
                "/tickets/validated?since=" + since + "&limit=500", null, caller);
        Set<String> ids = new HashSet<>();
        if (page.getStatusCode().is2xxSuccessful() && page.getBody() != null) {
            for (JsonNode item : json.readTree(page.getBody()).path("items")) {
                ids.add(item.path("id").asString());
            }
        }
        return ids;
    }
}
