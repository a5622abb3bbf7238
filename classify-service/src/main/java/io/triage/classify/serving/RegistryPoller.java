package io.triage.classify.serving;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every replica polls the registry for itself: unlike the platform's other jobs this one deliberately carries no
 * ShedLock lock, since each replica must load new versions into its own memory.
 */
@Component
class RegistryPoller {

    private final ModelServing serving;

    RegistryPoller(ModelServing serving) {
        this.serving = serving;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${triage.classify.models.poll-interval:10s}")
    void poll() {
        serving.refresh();
    }
}
