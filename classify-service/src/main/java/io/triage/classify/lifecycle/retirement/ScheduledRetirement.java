package io.triage.classify.lifecycle.retirement;

import io.triage.platform.problem.ProblemException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for versions to retire on {@code triage.classify.models.retirement-cron} (daily 03:30 UTC by default); one
 * replica starts the job (ShedLock {@code classify-model-retirement}). Skipped with a log line while another training
 * job runs; the next run picks it up, well inside the retirement window.
 */
@Component
class ScheduledRetirement {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRetirement.class);

    private final ModelRetirement retirement;

    ScheduledRetirement(ModelRetirement retirement) {
        this.retirement = retirement;
    }

    @Scheduled(cron = "${triage.classify.models.retirement-cron:0 30 3 * * *}", zone = "UTC")
    @SchedulerLock(name = "classify-model-retirement", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
    void run() {
        try {
            retirement.start().ifPresent(job -> log.info("model retirement started as job {}", job.id()));
        } catch (ProblemException e) {
            log.warn("model retirement skipped: {}", e.getMessage());
        }
    }
}
