package io.triage.classify.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.triage.platform.web.ApiProblem;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Weekly retraining (Sunday 02:00 UTC by default) and on request: data → train → evaluate → promotion rule →
 * staging, with no manual step. Both paths take the same ShedLock lock, so with several replicas, or a request
 * during the scheduled run, one retraining runs at a time.
 */
@Component
public class Retraining {

    static final String LOCK = "classify-model-retraining";
    private static final Logger log = LoggerFactory.getLogger(Retraining.class);

    private final RetrainingData data;
    private final ModelLifecycle lifecycle;
    private final LockProvider locks;
    private final ModelProperties properties;

    Retraining(RetrainingData data, ModelLifecycle lifecycle, LockProvider locks, ModelProperties properties) {
        this.data = data;
        this.lifecycle = lifecycle;
        this.locks = locks;
        this.properties = properties;
    }

    @Scheduled(cron = "${triage.classify.models.retraining.cron:0 0 2 * * SUN}", zone = "UTC")
    @SchedulerLock(name = LOCK, lockAtMostFor = "${triage.classify.models.retraining.max-run-time:PT2H}")
    void weekly() {
        RegistrationOutcome outcome = lifecycle.trainAndRegister(data.load(), "retrain-schedule");
        log.info("weekly retraining registered version {} in stage {}: {}", outcome.version(), outcome.stage(),
                outcome.decision());
    }

    /** Retrains now, unless a retraining already holds the lock (then 409). */
    public RegistrationOutcome now() {
        LockConfiguration lock = new LockConfiguration(Instant.now(), LOCK, properties.retraining().maxRunTime(),
                Duration.ZERO);
        Optional<SimpleLock> held = locks.lock(lock);
        if (held.isEmpty()) {
            throw ApiProblem.conflict("a retraining is already running");
        }
        try {
            return lifecycle.trainAndRegister(data.load(), "retrain-request");
        } finally {
            held.get().unlock();
        }
    }
}
