package io.triage.audit.archive;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the archive and retention pass periodically ({@code triage.audit.archive.interval}), on one replica. */
@Component
class ArchiveJob {

    private final Archiver archiver;

    ArchiveJob(Archiver archiver) {
        this.archiver = archiver;
    }

    @Scheduled(fixedDelayString = "${triage.audit.archive.interval:PT6H}", initialDelayString = "PT10M")
    @SchedulerLock(name = "audit-archive")
    void run() {
        archiver.run();
    }
}
