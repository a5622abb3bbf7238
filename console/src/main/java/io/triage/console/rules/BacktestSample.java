package io.triage.console.rules;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recently validated tickets (ingestion-service's {@code GET /tickets/validated}: sanitised text and the validated
 * department) as the sample rules-engine backtests a draft on, and finds conflicts on. Without ingestion-service the
 * draft is still validated, only without backtest and sample-based conflicts.
 */
@Component
class BacktestSample {

    private static final Logger log = LoggerFactory.getLogger(BacktestSample.class);

    /** Labels per page read from ingestion-service (its maximum is 1,000). */
    static final int PAGE = 500;
    /** Pages read per span at most: 10,000 labels. */
    static final int MAX_PAGES = 20;

    private final Upstream upstream;
    private final URI ingestion;
    private final Duration window;
    private final int limit;
    private final JsonMapper json;

    BacktestSample(Upstream upstream, ConsoleProperties properties, JsonMapper json) {
        this.upstream = upstream;
        this.ingestion = properties.ingestionService();
        this.window = Duration.ofDays(properties.backtestDays());
        this.limit = properties.backtestTickets();
        this.json = json;
    }

    /** A ticket as rules-engine's {@code /rules/validate} takes it; the sanitised text is the description. */
    record Sample(String id, String subject, String description, @Nullable String channel, String department) {
    }

    /**
     * The newest {@code backtest-tickets} validated tickets of the last {@code backtest-days}. ingestion-service
     * pages its labels oldest first, so the console reads the last day first, then the last week, then the whole
     * window, each page by page (at most {@link #MAX_PAGES} pages of {@link #PAGE}), and keeps the newest: a busy desk's
     * sample is today's labels, not the first ones of a month ago.
     */
    List<Sample> recent(Authentication caller) {
        Instant now = Instant.now();
        List<Sample> newest = List.of();
        for (Duration span : spans()) {
            Instant since = now.minus(span).truncatedTo(ChronoUnit.SECONDS);
            List<Sample> found = newestSince(since, caller);
            if (found == null) {
                return newest;
            }
            newest = found;
            if (newest.size() >= limit) {
                break;
            }
        }
        return newest;
    }

    /** One day, one week, then the configured window, never beyond it. */
    private List<Duration> spans() {
        List<Duration> spans = new ArrayList<>();
        for (Duration span : List.of(Duration.ofDays(1), Duration.ofDays(7))) {
            if (span.compareTo(window) < 0) {
                spans.add(span);
            }
        }
        spans.add(window);
        return spans;
    }

    /** The newest {@code limit} labelled tickets validated since a time; null when ingestion-service cannot say. */
    private @Nullable List<Sample> newestSince(Instant since, Authentication caller) {
        Deque<Sample> newest = new ArrayDeque<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ResponseEntity<String> answer;
            try {
                answer = upstream.call(HttpMethod.GET, ingestion, "/tickets/validated?since=" + since + "&limit=" + PAGE
                        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)), null,
                        caller);
            } catch (UnavailableException e) {
                log.warn("No backtest sample: {}", e.getMessage());
                return null;
            }
            if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null) {
                log.warn("No backtest sample: ingestion-service answered {}", answer.getStatusCode());
                return null;
            }
            JsonNode body = json.readTree(answer.getBody());
            for (JsonNode item : body.path("items")) {
                String department = item.path("department").asString("");
                if (!department.isBlank()) {
                    newest.addLast(new Sample(item.path("id").asString(), "", item.path("text").asString(""), null,
                            department));
                    if (newest.size() > limit) {
                        newest.removeFirst();
                    }
                }
            }
            after = body.path("next").isString() ? body.path("next").asString() : null;
            if (after == null) {
                break;
            }
        }
        return new ArrayList<>(newest);
    }
}
