package io.triage.classify.lifecycle.serving;

import io.triage.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every replica polls the registry for itself: unlike the platform's other jobs this one deliberately carries no
 * ShedLock lock, since each replica must load new versions into its own memory. A registry that cannot be reached
 * (MLflow down) leaves the loaded versions serving; the next poll tries again.
 */
@Component
class RegistryPoller {

    private static final Logger log = LoggerFactory.getLogger(RegistryPoller.class);

    private final ModelServing serving;

    RegistryPoller(ModelServing serving) {
        this.serving = serving;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${triage.classify.models.poll-interval:10s}")
    void poll() {
        try {
            serving.refresh();
        } catch (ProblemException e) {
            log.warn("model registry unavailable, version {} keeps serving: {}", serving.productionVersion(),
                    e.getMessage());
        }
    }
}
