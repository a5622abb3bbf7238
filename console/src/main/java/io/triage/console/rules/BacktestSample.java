package io.triage.console.rules;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    List<Sample> recent(Authentication caller) {
        Instant since = Instant.now().minus(window).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<String> page;
        try {
            page = upstream.call(HttpMethod.GET, ingestion, "/tickets/validated?since=" + since + "&limit=" + limit,
                    null, caller);
        } catch (UnavailableException e) {
            log.warn("No backtest sample: {}", e.getMessage());
            return List.of();
        }
        if (!page.getStatusCode().is2xxSuccessful() || page.getBody() == null) {
            log.warn("No backtest sample: ingestion-service answered {}", page.getStatusCode());
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode item : json.readTree(page.getBody()).path("items")) {
            String department = item.path("department").asString("");
            if (!department.isBlank()) {
                samples.add(new Sample(item.path("id").asString(), "", item.path("text").asString(""), null,
                        department));
            }
        }
        return samples;
    }
}
