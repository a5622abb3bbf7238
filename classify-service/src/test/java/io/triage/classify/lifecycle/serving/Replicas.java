package io.triage.classify.lifecycle.serving;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.classify.lifecycle.CanaryShares;
import io.triage.classify.lifecycle.ModelProperties;
import io.triage.classify.lifecycle.ModelStore;

/** Another replica's serving over the same registry and database, as a second pod would build it. */
public final class Replicas {

    private Replicas() {
    }

    /** A second {@link ModelServing} with its own meters; nothing is loaded until its first {@code refresh()}. */
    public static ModelServing another(ModelStore registry, ModelProperties properties, CanaryShares shares) {
        return new ModelServing(registry, properties, shares, new SimpleMeterRegistry());
    }
}
