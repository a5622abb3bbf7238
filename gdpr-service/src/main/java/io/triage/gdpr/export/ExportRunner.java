package io.triage.gdpr.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.triage.platform.client.ResilientCalls;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs export jobs in the background: every instance polls, and each job is claimed by one of them
 * ({@link CustomerExports#claimNext()}), so no lock is needed to run them; a job whose runner stopped (crash,
 * restart) is claimed again once its claim is stale. A job is also started right after it is requested.
 * ingestion-service is read first, as its tickets name the ids classify-service knows them by.
 */
@Component
class ExportRunner {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);

    private final CustomerExports exports;
    private final ExportSources.Ingestion ingestion;
    private final ExportSources.Classify classify;
    private final ResilientCalls calls;
    private final JsonMapper json;
    private final TaskExecutor executor;

    ExportRunner(CustomerExports exports, ExportSources.Ingestion ingestion, ExportSources.Classify classify,
            ResilientCalls calls, JsonMapper json, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.exports = exports;
        this.ingestion = ingestion;
        this.classify = classify;
        this.calls = calls;
        this.json = json;
        this.executor = executor;
    }

    /** Starts due jobs now, off the caller's thread (after a request has committed). */
    void runSoon() {
        executor.execute(this::runDue);
    }

    @Scheduled(initialDelayString = "${triage.gdpr.export.poll-interval:PT5S}",
            fixedDelayString = "${triage.gdpr.export.poll-interval:PT5S}")
    void runDue() {
        Optional<CustomerExports.Claim> claim;
        while ((claim = exports.claimNext()).isPresent()) {
            run(claim.get());
        }
    }

    @Scheduled(fixedDelayString = "${triage.gdpr.export.purge-interval:PT1H}")
    @SchedulerLock(name = "gdpr-export-purge")
    void purge() {
        int purged = exports.purgeExpired();
        if (purged > 0) {
            log.info("Deleted {} expired exports", purged);
        }
    }

    private void run(CustomerExports.Claim claim) {
        try {
            JsonNode tickets = call("ingestion",
                    () -> ingestion.tickets(new ExportSources.CustomerRequest(claim.customerId())));
            List<String> ticketIds = new ArrayList<>();
            tickets.path("tickets").forEach(ticket -> ticketIds.add(ticket.path("id").asString()));
            JsonNode decisions = call("classify", () -> classify.decisions(
                    new ExportSources.DecisionsRequest(claim.customerId(), ticketIds)));
            ObjectNode document = json.createObjectNode();
            document.put("exportId", claim.exportId().toString());
            document.put("customerId", claim.customerId());
            document.put("generatedAt", Instant.now().toString());
            document.set("tickets", tickets.path("tickets"));
            document.set("decisions", decisions.path("decisions"));
            if (exports.complete(claim, json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8),
                    counts(tickets.path("tickets"), decisions.path("decisions")))) {
                log.info("Export {} done: {} tickets, {} decisions", claim.exportId(), ticketIds.size(),
                        decisions.path("decisions").size());
            }
        } catch (RuntimeException e) {
            exports.fail(claim, describe(e));
            log.warn("Export {} run {} failed ({})", claim.exportId(), claim.attempts(), describe(e));
        }
    }

    private static Map<String, Long> counts(JsonNode tickets, JsonNode decisions) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tickets", (long) tickets.size());
        counts.put("sanitisedTickets", count(tickets, "sanitised"));
        counts.put("labelledTickets", count(tickets, "labels"));
        counts.put("decisions", (long) decisions.size());
        counts.put("feedback", count(decisions, "feedback"));
        return counts;
    }

    private static long count(JsonNode items, String field) {
        long present = 0;
        for (JsonNode item : items) {
            present += item.path(field).isObject() ? 1 : 0;
        }
        return present;
    }

    private <T> T call(String service, Supplier<T> call) {
        return calls.callOrElse(service, call, failure -> {
            throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
        });
    }

    /** Status or exception type and message, never a response body (it may hold the customer's data). */
    private static String describe(RuntimeException failure) {
        String reason = failure instanceof RestClientResponseException response
                ? "HTTP " + response.getStatusCode().value() + " " + response.getStatusText()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
