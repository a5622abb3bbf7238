package io.triage.embedding.reconcile;

import io.triage.embedding.store.StoreUnavailableException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconcile on a schedule (once per cluster) and once after start-up, so a missing or damaged index is
 * rebuilt from {@code ticket_embeddings} without anyone asking.
 */
@Component
class ReconcileJob {

    private static final Logger log = LoggerFactory.getLogger(ReconcileJob.class);

    private final Reconciler reconciler;
    private final ReconcileProperties properties;

    ReconcileJob(Reconciler reconciler, ReconcileProperties properties) {
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (properties.onStartup()) {
            Thread.ofVirtual().name("embedding-reconcile-startup").start(this::runQuietly);
        }
    }

    @Scheduled(cron = "${triage.embedding.reconcile.cron:0 15 * * * *}")
    @SchedulerLock(name = "embedding-reconcile")
    void scheduled() {
        runQuietly();
    }

    private void runQuietly() {
        try {
            ReconcileReport report = reconciler.reconcile();
            if (!report.consistent()) {
                log.warn("Index repaired: {} missing, {} stale, {} orphaned; {} entries now", report.missing(),
                        report.stale(), report.orphaned(), report.indexCount());
            }
        } catch (StoreUnavailableException e) {
            log.warn("Reconcile skipped, the vector store is unavailable: {}", e.getMessage());
        }
    }
}
