package io.triage.console.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.ValidatedTickets;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Recently validated tickets (ingestion-service's {@code GET /tickets/validated}: sanitised text and the validated
 * department) as the sample rules-engine backtests a draft on, and finds conflicts on. Without ingestion-service the
 * draft is still validated, only without backtest and sample-based conflicts.
 */
@Component
class BacktestSample {

    private static final Logger log = LoggerFactory.getLogger(BacktestSample.class);

    private final ValidatedTickets validated;
    private final Duration window;
    private final int limit;

    BacktestSample(ValidatedTickets validated, ConsoleProperties properties) {
        this.validated = validated;
        this.window = Duration.ofDays(properties.backtestDays());
        this.limit = properties.backtestTickets();
    }

    /** A ticket as rules-engine's {@code /rules/validate} takes it; the sanitised text is the description. */
    record Sample(String id, String subject, String description, @Nullable String channel, String department) {
    }

    /**
     * The newest {@code backtest-tickets} validated tickets of the last {@code backtest-days}. ingestion-service
     * pages its labels oldest first, so the console reads the last day first, then the last week, then the whole
     * window, each page by page (at most {@link ValidatedTickets#MAX_PAGES} pages of {@link ValidatedTickets#PAGE}), and keeps the newest: a busy desk's
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
        ResponseEntity<String> refusal;
        try {
            refusal = validated.since(since, caller, item -> {
                String department = item.path("department").asString("");
                if (!department.isBlank()) {
                    newest.addLast(new Sample(item.path("id").asString(), "", item.path("text").asString(""), null,
                            department));
                    if (newest.size() > limit) {
                        newest.removeFirst();
                    }
                }
            });
        } catch (UnavailableException e) {
            log.warn("No backtest sample: {}", e.getMessage());
            return null;
        }
        if (refusal != null) {
            log.warn("No backtest sample: ingestion-service answered {}", refusal.getStatusCode());
            return null;
        }
        return new ArrayList<>(newest);
    }
}
