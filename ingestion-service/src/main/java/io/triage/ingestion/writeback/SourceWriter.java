package io.triage.ingestion.writeback;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.sync.SourceClients;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A ticketing system's write-back client: sends a plan's requests (exactly as {@link SourceWrites} makes them) and
 * looks for a note holding a marker. One call each, no retry: {@link WriteBackDelivery} decides what is retried. The
 * HTTP setup (base URL, timeouts) and the credentials are the pull connectors'.
 */
abstract class SourceWriter {

    /** How long a request waits for its turn under the source's rate limit before the attempt counts as failed. */
    private static final Duration MAX_WAIT_FOR_TURN = Duration.ofMinutes(5);

    protected final RestClient client;
    private final String baseUrl;
    private @Nullable RateLimiter limiter;

    SourceWriter(TicketSource source, Source settings) {
        this.client = SourceClients.of(source.tag(), settings);
        String base = String.valueOf(settings.baseUrl());
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    abstract TicketSource source();

    /**
     * Sends at most {@code requestsPerMinute} requests a minute from now on (0: no limit), spread evenly: a request
     * waits for its turn rather than being answered 429 and spending an attempt.
     */
    SourceWriter limitTo(int requestsPerMinute) {
        if (requestsPerMinute <= 0) {
            limiter = null;
            return this;
        }
        RateLimiterConfig config = requestsPerMinute >= 60
                ? RateLimiterConfig.custom().limitForPeriod(requestsPerMinute / 60)
                        .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(MAX_WAIT_FOR_TURN).build()
                : RateLimiterConfig.custom().limitForPeriod(1)
                        .limitRefreshPeriod(Duration.ofMillis(60_000L / requestsPerMinute))
                        .timeoutDuration(MAX_WAIT_FOR_TURN).build();
        limiter = RateLimiter.of("writeback-" + source().tag(), config);
        return this;
    }

    /** Waits for this request's turn under the rate limit; too long a wait fails the attempt as a transient one. */
    private void turn() {
        RateLimiter current = limiter;
        if (current != null && !current.acquirePermission()) {
            throw new ResourceAccessException(source().tag() + " write-back waited over " + MAX_WAIT_FOR_TURN
                    + " for its turn under triage.ingestion.writeback.requests-per-minute");
        }
    }

    /** The {@code Authorization} header of the next call. */
    abstract String authorization();

    /** Whether a note holding {@code plan.marker()} is already on the ticket. */
    abstract boolean hasNote(WriteBackPlan plan);

    /** The plan's requests, with or without its note. */
    List<PlannedRequest> requests(WriteBackPlan plan, boolean withNote) {
        return SourceWrites.requests(plan, null, withNote);
    }

    void send(PlannedRequest request) {
        turn();
        client.method(HttpMethod.valueOf(request.method())).uri(uri(request.path()))
                .header(HttpHeaders.AUTHORIZATION, authorization())
                .contentType(MediaType.APPLICATION_JSON).body(request.body())
                .retrieve().toBodilessEntity();
    }

    protected JsonNode get(String pathAndQuery) {
        turn();
        JsonNode body = client.get().uri(uri(pathAndQuery)).header(HttpHeaders.AUTHORIZATION, authorization())
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
        if (body == null) {
            throw new IllegalStateException(source().tag() + " answered " + pathAndQuery + " without a body");
        }
        return body;
    }

    /** The path (already encoded) under the base URL, taken as it is rather than as a URI template. */
    protected URI uri(String pathAndQuery) {
        return URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : baseUrl + pathAndQuery);
    }

    /** Whether any string value in {@code node} (at any depth) contains the marker. */
    protected static boolean holds(JsonNode node, String marker) {
        if (node.isString()) {
            return node.asString().contains(marker);
        }
        for (JsonNode child : node) {
            if (holds(child, marker)) {
                return true;
            }
        }
        return false;
    }
}
