package io.triage.console.upstream;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

import io.triage.console.config.ConsoleProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ingestion-service's {@code GET /tickets/validated}, read page by page as the signed-in person: the tickets validated
 * at or after a time, oldest first, {@link #PAGE} per page and at most {@link #MAX_PAGES} pages (10,000 labels) per
 * reading. The review queue reads it to skip labelled tickets, the rules page for its backtest sample.
 */
@Component
public class ValidatedTickets {

    /** Labels per page (ingestion-service's maximum is 1,000). */
    public static final int PAGE = 500;
    /** Pages read at most per reading. */
    public static final int MAX_PAGES = 20;

    private final Upstream upstream;
    private final URI ingestion;
    private final JsonMapper json;

    public ValidatedTickets(Upstream upstream, ConsoleProperties properties, JsonMapper json) {
        this.upstream = upstream;
        this.ingestion = properties.ingestionService();
        this.json = json;
    }

    /**
     * Hands every item validated at or after {@code since} to {@code each}, in ingestion-service's order. Answers
     * null when all pages were read (or the page bound was reached), else ingestion-service's refusal as it answered
     * it; an unreachable ingestion-service is an {@link io.triage.platform.problem.UnavailableException}.
     */
    public @Nullable ResponseEntity<String> since(Instant since, Authentication caller, Consumer<JsonNode> each) {
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ResponseEntity<String> answer = upstream.call(HttpMethod.GET, ingestion, "/tickets/validated?since=" + since
                    + "&limit=" + PAGE + (after == null ? "" : "&after=" + URLEncoder.encode(after,
                            StandardCharsets.UTF_8)), null, caller);
            if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null) {
                return answer;
            }
            JsonNode body = json.readTree(answer.getBody());
            body.path("items").forEach(each);
            after = body.path("next").isString() ? body.path("next").asString() : null;
            if (after == null) {
                break;
            }
        }
        return null;
    }
}
