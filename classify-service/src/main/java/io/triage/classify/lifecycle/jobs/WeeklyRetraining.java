package io.triage.classify.lifecycle.jobs;

import io.triage.platform.problem.ProblemException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Weekly retraining (Sunday 02:00 UTC by default): data → train → evaluate → promotion rule → staging, with no manual
 * step, as the same background job {@code POST /models/retrain} starts. ShedLock makes one replica start it; a job
 * already running (e.g. an analyst's retrain) means this week's run is skipped, with a log line.
 */
@Component
class WeeklyRetraining {

    private static final Logger log = LoggerFactory.getLogger(WeeklyRetraining.class);

    private final TrainingJobs jobs;

    WeeklyRetraining(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "${triage.classify.models.retraining.cron:0 0 2 * * SUN}", zone = "UTC")
    @SchedulerLock(name = "classify-model-retraining", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
    void weekly() {
        try {
            TrainingJob job = jobs.submitRetrain("retrain-schedule");
            log.info("weekly retraining started as job {}", job.id());
        } catch (ProblemException e) {
            log.warn("weekly retraining skipped: {}", e.getMessage());
        }
    }
}
