package io.triage.ingestion.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.source.JiraTickets;
import io.triage.ingestion.source.ServiceNowTickets;
import io.triage.ingestion.source.SourceFreshness;
import io.triage.ingestion.source.SourceTicket;
import io.triage.ingestion.source.ZendeskTickets;
import io.triage.ingestion.ticket.TicketIntake;
import io.triage.ingestion.ticket.TicketSource;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls the enabled sources: hourly at :05 (once per cluster) and on demand ({@code POST /sources/{source}/sync}, a
 * background job to poll). One pull per source at a time across replicas (a ShedLock lock per source); each page is
 * stored with its watermark in one transaction, and the intake's idempotency absorbs the overlap re-reads.
 */
@Service
public class SourceSync {

    private static final Logger log = LoggerFactory.getLogger(SourceSync.class);
    /**
     * How long a pull's lock outlives a replica that died holding it. The lock is extended while the pull runs, so a
     * crash blocks the next pull of the source for about a minute, not for as long as the longest pull.
     */
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(1);
    /** Without an extensible lock store, the lock must outlast the longest pull. */
    private static final Duration LOCK_AT_MOST_UNEXTENDED = Duration.ofMinutes(30);

    private final Map<TicketSource, SourceConnector> connectors = new EnumMap<>(TicketSource.class);
    private final Watermarks watermarks;
    private final SyncRuns runs;
    private final TicketIntake intake;
    private final TransactionTemplate transaction;
    private final LockProvider locks;
    private final Duration lockAtMost;
    private final TaskExecutor executor;
    private final SourceFreshness freshness;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SourceSync(IngestionProperties properties, ServiceNowTickets servicenow, ZendeskTickets zendesk,
            JiraTickets jira, Watermarks watermarks, SyncRuns runs, TicketIntake intake,
            TransactionTemplate transaction, LockProvider locks,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, SourceFreshness freshness,
            MeterRegistry meters, Clock clock, ApplicationEventPublisher events) {
        IngestionProperties.Sources sources = properties.sources();
        // A source enabled without a base URL is push-only (its webhook); it is not pulled.
        if (pulled(sources.servicenow())) {
            connectors.put(TicketSource.SERVICENOW, new ServiceNowConnector(sources.servicenow(), servicenow, clock));
        }
        if (pulled(sources.zendesk())) {
            connectors.put(TicketSource.ZENDESK, new ZendeskConnector(sources.zendesk(), zendesk, clock));
        }
        if (pulled(sources.jira())) {
            connectors.put(TicketSource.JIRA, new JiraConnector(sources.jira(), jira, clock));
        }
        this.watermarks = watermarks;
        this.runs = runs;
        this.intake = intake;
        this.transaction = transaction;
        this.locks = locks instanceof ExtensibleLockProvider extensible ? new KeepAliveLockProvider(extensible,
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sync-lock-keeper").factory()))
                : locks;
        this.lockAtMost = locks instanceof ExtensibleLockProvider ? LOCK_AT_MOST : LOCK_AT_MOST_UNEXTENDED;
        this.executor = executor;
        this.freshness = freshness;
        this.meters = meters;
        this.clock = clock;
        this.events = events;
    }

    private static boolean pulled(IngestionProperties.Source source) {
        return source.enabled() && source.baseUrl() != null;
    }

    /** Whether the source is enabled and has a base URL to pull from. */
    public boolean enabled(TicketSource source) {
        return connectors.containsKey(source);
    }

    /** Starts a pull in the background; the run can be polled by its id. */
    public SyncRun start(TicketSource source, String trigger) {
        UUID id = UUID.randomUUID();
        runs.start(id, source, trigger);
        executor.execute(() -> run(id, source));
        return runs.find(id).orElseThrow();
    }

    public Optional<SyncRun> run(UUID id) {
        return runs.find(id);
    }

    /** Every enabled source, one after the other, at :05 every hour. */
    @Scheduled(cron = "0 5 * * * *")
    @SchedulerLock(name = "ingestion-hourly-sync")
    void hourly() {
        for (TicketSource source : connectors.keySet()) {
            UUID id = UUID.randomUUID();
            runs.start(id, source, "schedule");
            run(id, source);
        }
    }

    /** Runs one pull to its end; never throws (the outcome is in the run and the metrics). */
    void run(UUID id, TicketSource source) {
        SourceConnector connector = connectors.get(source);
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(),
                "ingestion-sync-" + source.tag(), lockAtMost, Duration.ZERO));
        if (lock.isEmpty()) {
            finish(id, source, "SKIPPED", "another pull of this source is running");
            return;
        }
        // Holding the lock, no other pull of this source runs: an earlier one still RUNNING died with its replica.
        runs.interruptedBefore(id, source);
        try {
            Objects.requireNonNull(connector, "pulls start only for enabled sources");
            connector.pull(watermarks.of(source), (tickets, reached) -> transaction.executeWithoutResult(status -> {
                for (SourceTicket ticket : tickets) {
                    intake.store(ticket.ticket(), ticket.attributes());
                    freshness.seen(source, ticket.ticket().sourceUpdatedAt());
                }
                watermarks.commit(source, reached);
                runs.page(id, tickets.size());
            }));
            freshness.succeeded(source, clock.instant());
            finish(id, source, "SUCCEEDED", null);
        } catch (RuntimeException e) {
            // The failure's kind only: messages of HTTP errors can quote the source's response.
            log.warn("Pull {} of {} failed: {}", id, source.tag(), e.getClass().getSimpleName());
            finish(id, source, "FAILED", e.getClass().getSimpleName());
        } finally {
            lock.get().unlock();
        }
    }

    private void finish(UUID id, TicketSource source, String status, @Nullable String error) {
        runs.finish(id, status, error);
        meters.counter("ingestion_pulls_total", "source", source.tag(), "outcome",
                status.toLowerCase(Locale.ROOT)).increment();
        events.publishEvent(new PullFinished(source, status, error));
    }
}
