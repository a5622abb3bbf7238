package io.triage.classify.lifecycle.serving;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.classify.lifecycle.ModelProperties;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.ModelVersion;
import io.triage.classify.lifecycle.Stage;
import io.triage.classify.lifecycle.StoredArtifact;
import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.CorruptArtifactException;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.ModelTier;
import io.triage.classify.model.NoModelException;
import io.triage.classify.taxonomy.ModelHeads;
import io.triage.classify.taxonomy.ServedLabels;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The ML tier as served: answers from the production version, or from the staging version for the canary share of
 * ticket ids. {@link #refresh()} loads newly promoted versions and swaps them in with one atomic reference write:
 * a request that already read the old pair finishes on it, none waits or fails. A version whose artifact fails its
 * checksum is refused and the current one keeps serving. The taxonomy follows the production version's labels.
 */
@Service
public class ModelServing implements ModelTier, ServedLabels {

    private static final Logger log = LoggerFactory.getLogger(ModelServing.class);

    private final AtomicReference<ServingModels> serving = new AtomicReference<>(ServingModels.NONE);
    private final ModelStore registry;
    private final ModelProperties properties;
    private final MeterRegistry meters;

    ModelServing(ModelStore registry, ModelProperties properties, MeterRegistry meters) {
        this.registry = registry;
        this.properties = properties;
        this.meters = meters;
        meters.gauge("classify.model.canary.share", properties, ModelProperties::canaryShare);
        meters.gauge("classify.model.serving.version", serving, s -> versionOf(s.get().production()));
        meters.gauge("classify.model.canary.version", serving, s -> versionOf(s.get().canary()));
    }

    @Override
    public ModelAnswer predict(String sanitisedText, @Nullable String ticketId) {
        ServingModels current = serving.get();
        LoadedModel production = current.production();
        if (production == null) {
            throw new NoModelException();
        }
        LoadedModel candidate = current.canary();
        boolean canary = candidate != null && ticketId != null
                && CanaryRouting.inCanary(ticketId, properties.canaryShare());
        LoadedModel model = canary && candidate != null ? candidate : production;
        String version = Long.toString(model.version());
        Timer.Sample sample = Timer.start(meters);
        ModelAnswer answer = new ModelAnswer(version, canary, model.bundle().predict(sanitisedText, version));
        sample.stop(meters.timer("classify.model.predictions", "version", version,
                "role", canary ? "canary" : "production"));
        return answer;
    }

    /** Loads whatever the registry now has in production and staging; keeps the current model on any failure. */
    public synchronized void refresh() {
        ServingModels current = serving.get();
        LoadedModel production = load(registry.inStage(Stage.PRODUCTION), current.production(),
                current.canary());
        LoadedModel canary = load(registry.inStage(Stage.STAGING), current.canary(), current.production());
        if (production == null) {
            production = current.production();
        }
        ServingModels next = new ServingModels(production, canary);
        if (!next.equals(current)) {
            serving.set(next);
            log.info("serving model version {} (canary {})", versionOf(production), versionOf(canary));
        }
    }

    /** The version for a stage, reusing an already loaded one; null when the stage is empty or unloadable. */
    private @Nullable LoadedModel load(Optional<ModelVersion> wanted, @Nullable LoadedModel... loaded) {
        if (wanted.isEmpty()) {
            return null;
        }
        ModelVersion version = wanted.get();
        for (LoadedModel model : loaded) {
            if (model != null && model.version() == version.version()) {
                return model;
            }
        }
        StoredArtifact artifact = registry.artifact(version.version()).orElse(null);
        if (artifact == null) {
            return null;
        }
        try {
            return new LoadedModel(version.version(), artifact.sha256(),
                    ArtifactCodec.decode(artifact.bytes(), artifact.sha256()));
        } catch (CorruptArtifactException e) {
            meters.counter("classify.model.load.failures", "version", Long.toString(version.version()))
                    .increment();
            log.error("model version {} refused: {}", version.version(), e.getMessage());
            return null;
        }
    }

    /** The production version's heads and labels: the same instance until another version is swapped in. */
    @Override
    public ModelHeads production() {
        LoadedModel production = serving.get().production();
        return production == null ? ModelHeads.NONE : production.heads();
    }

    /** The version answering outside the canary, or -1 before the first promotion. */
    public long productionVersion() {
        return versionOf(serving.get().production());
    }

    /** The canary version, or -1 when there is none. */
    public long canaryVersion() {
        return versionOf(serving.get().canary());
    }

    private static long versionOf(@Nullable LoadedModel model) {
        return model == null ? -1 : model.version();
    }
}
