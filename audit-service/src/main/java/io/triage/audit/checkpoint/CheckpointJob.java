package io.triage.audit.checkpoint;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Takes a checkpoint periodically ({@code triage.audit.checkpoint-interval}), on one replica at a time. */
@Component
class CheckpointJob {

    private final Checkpoints checkpoints;

    CheckpointJob(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${triage.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${triage.audit.checkpoint-interval:PT5M}")
    @SchedulerLock(name = "audit-checkpoint")
    void checkpoint() {
        boolean backlog = true;
        while (backlog) {
            // a backlog larger than one range is covered by consecutive checkpoints
            backlog = checkpoints.checkpointNow()
                    .map(c -> c.toSeq() - c.fromSeq() + 1 == Checkpoints.MAX_RANGE).orElse(false);
        }
    }
}
