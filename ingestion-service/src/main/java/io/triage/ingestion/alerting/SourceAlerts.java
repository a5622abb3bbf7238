package io.triage.ingestion.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.sync.PullFinished;
import io.triage.ingestion.ticket.TicketSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Source incidents and their Slack messages, one when an incident opens and one when it closes:
 * <ul>
 * <li>pull failures: {@code alerts.consecutive-failures} failed pulls in a row of a pulled source open one (judged from
 * {@code sync_runs} when a pull ends and at every check); its next successful pull closes it;</li>
 * <li>lag: an enabled source whose newest stored ticket (by source updated-at, over every replica's pulls and
 * webhooks) is older than {@code alerts.max-lag} opens one at a check; a newer ticket closes it. A source with no
 * ticket yet has no lag;</li>
 * <li>write-back auth: a write-back refused with 401/403 opens one ({@link #writeBackRefused}); the source's next
 * successful write-back closes it ({@link #writeBackSucceeded}).</li>
 * </ul>
 * The check runs every {@code alerts.check-interval}, once per cluster; it also posts the messages an earlier post
 * could not deliver. Incidents live in Postgres, so they survive restarts and replicas agree on them.
 */
@Service
public class SourceAlerts {

    private static final Logger log = LoggerFactory.getLogger(SourceAlerts.class);
    /** How long a replica holds an incident's messages while it posts them (longer than a post can take). */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final IngestionProperties.Alerts settings;
    private final List<TicketSource> pulled = new ArrayList<>();
    private final List<TicketSource> enabled = new ArrayList<>();
    private final SourceIncidents incidents;
    private final SlackNotifier slack;
    private final Clock clock;
    private final TaskExecutor executor;

    SourceAlerts(IngestionProperties properties, SourceIncidents incidents, SlackNotifier slack, Clock clock,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.settings = properties.alerts();
        IngestionProperties.Sources sources = properties.sources();
        watch(TicketSource.SERVICENOW, sources.servicenow());
        watch(TicketSource.ZENDESK, sources.zendesk());
        watch(TicketSource.JIRA, sources.jira());
        this.incidents = incidents;
        this.slack = slack;
        this.clock = clock;
        this.executor = executor;
    }

    /** Enabled sources are watched for lag; those with a base URL (pulled, not push-only) for pull failures too. */
    private void watch(TicketSource source, IngestionProperties.Source config) {
        if (config.enabled()) {
            enabled.add(source);
            if (config.baseUrl() != null) {
                pulled.add(source);
            }
        }
    }

    /**
     * Judges the source's pulls as soon as one ends, in the background: the pull still holds its source's lock while
     * it publishes, and its outcome must not depend on Slack.
     */
    @EventListener
    void pullFinished(PullFinished pull) {
        if (pull.status().equals("SKIPPED")) {
            return;
        }
        try {
            executor.execute(() -> afterPull(pull.source()));
        } catch (TaskRejectedException e) {
            log.warn("Source alerts after a pull of {} not started (shutting down); the next check catches up",
                    pull.source());
        }
    }

    private void afterPull(TicketSource source) {
        try {
            judgePulls(source);
            postDue();
        } catch (RuntimeException e) {
            // The next check judges the source again and posts what is still due.
            log.warn("Source alerts after a pull of {} failed: {}", source, e.getClass().getSimpleName());
        }
    }

    /** A write-back to {@code source} was refused with {@code status} (401/403): opens its incident, once. */
    public void writeBackRefused(TicketSource source, int status) {
        if (incidents.openWriteBackAuth(source, "write-back answered " + status + "; check the source's credentials "
                + "and the integration user's permissions", clock.instant())) {
            log.warn("Source incident opened: {} WRITE_BACK_AUTH ({})", source, status);
            postInBackground(source);
        }
    }

    /** A write-back to {@code source} succeeded: closes its write-back auth incident, if one is open. */
    public void writeBackSucceeded(TicketSource source) {
        if (incidents.closeWriteBackAuth(source, clock.instant())) {
            log.info("Source incident closed: {} WRITE_BACK_AUTH", source);
            postInBackground(source);
        }
    }

    /** Posts due messages off the caller's thread; what fails stays due for the next check. */
    private void postInBackground(TicketSource source) {
        try {
            executor.execute(() -> {
                try {
                    postDue();
                } catch (RuntimeException e) {
                    log.warn("Source alerts of {} not posted: {}", source, e.getClass().getSimpleName());
                }
            });
        } catch (TaskRejectedException e) {
            log.warn("Source alerts of {} not posted (shutting down); the next check catches up", source);
        }
    }

    @Scheduled(fixedDelayString = "${triage.ingestion.alerts.check-interval:1m}")
    @SchedulerLock(name = "ingestion-source-alerts", lockAtMostFor = "PT5M")
    void scheduledCheck() {
        check();
    }

    /** Judges every enabled source's pulls and lag, then posts every message due (the scheduled check). */
    void check() {
        Instant now = clock.instant();
        for (TicketSource source : pulled) {
            judgePulls(source);
        }
        Instant oldest = now.minus(settings.maxLag());
        for (TicketSource source : enabled) {
            if (incidents.openLag(source, oldest, now)) {
                log.warn("Source incident opened: {} LAG (newest ticket older than {})", source, settings.maxLag());
            } else if (incidents.closeLag(source, oldest, now)) {
                log.info("Source incident closed: {} LAG", source);
            }
        }
        postDue();
    }

    private void judgePulls(TicketSource source) {
        Instant now = clock.instant();
        int threshold = settings.consecutiveFailures();
        if (incidents.openPullFailures(source, threshold, now)) {
            log.warn("Source incident opened: {} PULL_FAILURES ({} or more pulls failed in a row)", source, threshold);
        } else if (incidents.closePullFailures(source, threshold, now)) {
            log.info("Source incident closed: {} PULL_FAILURES", source);
        }
    }

    /** Posts every due message, oldest incident first; stops at the first failure (Slack is likely down). */
    private void postDue() {
        for (SourceIncident due : incidents.withMessagesDue()) {
            Instant now = clock.instant();
            Optional<SourceIncident> claimed = incidents.claim(due.id(), now, now.plus(CLAIM));
            if (claimed.isEmpty()) {
                continue;
            }
            boolean delivered = post(claimed.get());
            incidents.release(due.id(), !delivered);
            if (!delivered) {
                return;
            }
        }
    }

    /** Posts the incident's due messages in order; false if one failed (it stays due). */
    private boolean post(SourceIncident incident) {
        if (incident.openingDue()) {
            if (!slack.post(SlackMessage.opened(incident))) {
                return false;
            }
            incidents.openingNotified(incident.id(), clock.instant());
        }
        Instant closedAt = incident.closedAt();
        if (closedAt != null && incident.recoveryDue()) {
            if (!slack.post(SlackMessage.recovered(incident, closedAt))) {
                return false;
            }
            incidents.recoveryNotified(incident.id(), clock.instant());
        }
        return true;
    }
}
