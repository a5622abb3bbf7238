package io.triage.ingestion.writeback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.ingestion.alerting.SourceAlerts;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.sync.SourceCalls;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Writes one plan to its source: at most {@code max-attempts} attempts, each counted in {@code writebacks} before the
 * source is called. An attempt after the first (in this delivery or an earlier one that may have crashed after
 * writing) first looks for the plan's marker among the ticket's notes and, when it is there, sets the fields only.
 *
 * <p>I/O failures, 5xx and 429 are retried after an exponential backoff with full jitter, or after the
 * {@code Retry-After} when the source sends one (a longer one than {@code max-retry-after} fails at once). Any other
 * 4xx fails at once; 401/403 also open the source's write-back auth incident. The last failure is the dead letter
 * ({@code FAILED}, with its reason). No database connection is held while the source is called.
 */
@Component
class WriteBackDelivery {

    private static final Logger log = LoggerFactory.getLogger(WriteBackDelivery.class);

    private final WriteBacks rows;
    private final SourceWriters writers;
    private final SourceAlerts alerts;
    private final IngestionProperties.WriteBack settings;
    private final MeterRegistry meters;
    private final Semaphore permits;

    WriteBackDelivery(WriteBacks rows, SourceWriters writers, SourceAlerts alerts, IngestionProperties properties,
            MeterRegistry meters) {
        this.rows = rows;
        this.writers = writers;
        this.alerts = alerts;
        this.settings = properties.writeback();
        this.meters = meters;
        this.permits = new Semaphore(settings.concurrency(), true);
    }

    /** Why an attempt failed, and whether another may follow it (and when). */
    private record Failure(@Nullable Integer status, String reason, boolean retryable, Optional<Duration> retryAfter) {

        static Failure of(RestClientResponseException e) {
            int status = e.getStatusCode().value();
            String reason = status + " " + e.getStatusText().strip() + Problems.fieldsNamed(e);
            boolean retryable = status == 429 || status >= 500;
            return new Failure(status, reason, retryable, SourceCalls.retryAfter(e));
        }
    }

    /**
     * Delivers {@code plan} for the write-back {@code id}; answers the state it ended in (PENDING never).
     *
     * @param receivedAt when the ticket was received, for {@code ingestion_writeback_delay}
     */
    WriteBackState deliver(UUID id, WriteBackPlan plan, Instant receivedAt) {
        TicketSource source = plan.source();
        Optional<SourceWriter> found = writers.of(source);
        if (found.isEmpty()) {
            return failed(id, source, null, "source " + source.tag() + " is not enabled with a base URL");
        }
        SourceWriter writer = found.get();
        for (int attempt = 1; ; attempt++) {
            Failure failure = attempt(id, plan, writer);
            if (failure == null) {
                rows.succeeded(id);
                countAttempt(source, "2xx");
                count(source, "succeeded");
                Timer.builder("ingestion_writeback_delay").description("ticket received → written back")
                        .tag("source", source.tag()).register(meters)
                        .record(Duration.between(receivedAt, Instant.now()));
                alerts.writeBackSucceeded(source);
                return WriteBackState.SUCCEEDED;
            }
            Integer status = failure.status();
            countAttempt(source, status == null ? "io" : String.valueOf(status));
            if (status != null && (status == 401 || status == 403)) {
                alerts.writeBackRefused(source, status);
            }
            Optional<Duration> wait = wait(attempt, failure);
            if (wait.isEmpty()) {
                return failed(id, source, status, failure.reason() + failure.retryAfter()
                        .filter(retryAfter -> retryAfter.compareTo(settings.maxRetryAfter()) > 0)
                        .map(retryAfter -> "; Retry-After " + retryAfter.toSeconds() + " s is longer than "
                                + "max-retry-after").orElse(""));
            }
            rows.attemptFailed(id, status, failure.reason());
            log.info("Write-back {} to {}: attempt {} failed ({}); next in {} ms", id, source.tag(), attempt,
                    failure.reason(), wait.get().toMillis());
            pause(wait.get());
        }
    }

    /** One attempt: null when everything was written. */
    private @Nullable Failure attempt(UUID id, WriteBackPlan plan, SourceWriter writer) {
        permits.acquireUninterruptibly();
        try {
            int made = rows.attempt(id);
            boolean noteThere = made > 1 && writer.hasNote(plan);
            List<PlannedRequest> requests = writer.requests(plan, !noteThere);
            for (PlannedRequest request : requests) {
                writer.send(request);
            }
            return null;
        } catch (RestClientResponseException e) {
            return Failure.of(e);
        } catch (ResourceAccessException e) {
            return new Failure(null, "I/O failure (" + rootCause(e) + ")", true, Optional.empty());
        } catch (UnwritablePlanException e) {
            return new Failure(null, String.valueOf(e.getMessage()), false, Optional.empty());
        } catch (RestClientException | IllegalStateException e) {
            // An answer that cannot be read (not JSON, no body): asking again would read the same.
            return new Failure(null, "unreadable answer (" + e.getClass().getSimpleName() + ")", false,
                    Optional.empty());
        } finally {
            permits.release();
        }
    }

    /** How long to wait before the next attempt; empty when none follows. */
    private Optional<Duration> wait(int attempt, Failure failure) {
        if (!failure.retryable() || attempt >= settings.maxAttempts()) {
            return Optional.empty();
        }
        if (failure.retryAfter().isPresent()) {
            Duration retryAfter = failure.retryAfter().get();
            return retryAfter.compareTo(settings.maxRetryAfter()) <= 0 ? Optional.of(retryAfter) : Optional.empty();
        }
        return Optional.of(backoff(attempt));
    }

    /** Full jitter: a random wait up to the exponential backoff of this attempt, capped. */
    private Duration backoff(int attempt) {
        long ceiling = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(ceiling, settings.maxBackoff().toMillis());
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped + 1));
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The delivery stays PENDING and its event incomplete: redelivered (marker first) after a restart.
            throw new IllegalStateException("write-back interrupted while waiting to retry", e);
        }
    }

    private WriteBackState failed(UUID id, TicketSource source, @Nullable Integer status, String reason) {
        rows.failed(id, status, reason);
        count(source, "failed");
        log.warn("Write-back {} to {} failed: {}", id, source.tag(), reason);
        return WriteBackState.FAILED;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private void countAttempt(TicketSource source, String status) {
        meters.counter("ingestion_writeback_attempts_total", "source", source.tag(), "status", status).increment();
    }

    private void count(TicketSource source, String outcome) {
        meters.counter("ingestion_writeback_total", "source", source.tag(), "outcome", outcome).increment();
    }
}
