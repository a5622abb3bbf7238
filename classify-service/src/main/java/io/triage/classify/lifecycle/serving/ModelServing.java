package io.triage.classify.lifecycle.serving;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.classify.lifecycle.CanaryShares;
import io.triage.classify.lifecycle.ModelProperties;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.ModelVersion;
import io.triage.classify.lifecycle.Stage;
import io.triage.classify.lifecycle.StoredArtifact;
import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.CorruptArtifactException;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.ModelTier;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.NoModelException;
import io.triage.classify.model.SentenceFeatures;
import io.triage.classify.model.SentenceVector;
import io.triage.classify.taxonomy.ModelHeads;
import io.triage.classify.taxonomy.ServedLabels;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The ML tier as served: answers from the production version, or from the staging version for the canary share of
 * ticket ids. {@link #refresh()} loads newly promoted versions and the staging version's canary share (chosen by an
 * analyst, else the configured default) and swaps them in with one atomic reference write: a request that already
 * read the old pair finishes on it, none waits or fails. A version whose artifact fails its
 * checksum is refused and the current one keeps serving. The taxonomy follows the production version's labels.
 */
@Service
public class ModelServing implements ModelTier, ServedLabels {

    /** Sentence encodings the ML tier needed, by {@code source}: {@code reused} or {@code encoded}. */
    static final String ENCODINGS = "classify.sentence.encodings";

    private static final Logger log = LoggerFactory.getLogger(ModelServing.class);

    private final AtomicReference<ServingModels> serving = new AtomicReference<>(ServingModels.NONE);
    private final ModelStore registry;
    private final ModelProperties properties;
    private final CanaryShares shares;
    private final MeterRegistry meters;
    private final Counter reusedEncodings;
    private final Counter ownEncodings;

    ModelServing(ModelStore registry, ModelProperties properties, CanaryShares shares, MeterRegistry meters) {
        this.registry = registry;
        this.properties = properties;
        this.shares = shares;
        this.meters = meters;
        // The share in use: the loaded canary's, 0 while there is none.
        meters.gauge("classify.model.canary.share", serving, s -> s.get().share());
        meters.gauge("classify.model.serving.version", serving, s -> versionOf(s.get().production()));
        meters.gauge("classify.model.canary.version", serving, s -> versionOf(s.get().canary()));
        this.reusedEncodings = Counter.builder(ENCODINGS).tag("source", "reused")
                .description("sentence vectors the ML tier read from the cache tier's search instead of encoding")
                .register(meters);
        this.ownEncodings = Counter.builder(ENCODINGS).tag("source", "encoded")
                .description("texts the ML tier encoded itself").register(meters);
    }

    @Override
    public ModelAnswer predict(String sanitisedText, @Nullable String ticketId) {
        return predict(sanitisedText, ticketId, null);
    }

    /**
     * Reads {@code sentence} instead of encoding the text when the answering model's encoder gives that embedding
     * model's vectors; counts {@code classify.sentence.encodings} by {@code source}: {@code reused} or
     * {@code encoded} (the TF-IDF-only model encodes nothing and is not counted).
     */
    @Override
    public ModelAnswer predict(String sanitisedText, @Nullable String ticketId, @Nullable SentenceVector sentence) {
        ServingModels current = serving.get();
        LoadedModel production = current.production();
        if (production == null) {
            throw new NoModelException();
        }
        LoadedModel candidate = current.canary();
        boolean canary = candidate != null && ticketId != null
                && CanaryRouting.inCanary(ticketId, current.share());
        LoadedModel model = canary && candidate != null ? candidate : production;
        String version = Long.toString(model.version());
        float @Nullable [] reused = sentence != null && readable(model.bundle(), sentence) ? sentence.vector() : null;
        Timer.Sample sample = Timer.start(meters);
        ModelAnswer answer = new ModelAnswer(version, canary, model.bundle().predict(sanitisedText, version, reused));
        sample.stop(meters.timer("classify.model.predictions", "version", version,
                "role", canary ? "canary" : "production"));
        if (model.bundle().encodes()) {
            (reused != null ? reusedEncodings : ownEncodings).increment();
        }
        return answer;
    }

    /** Whether {@code bundle} reads {@code sentence} as its own encoding: the same model, the same dimension. */
    private static boolean readable(ModelBundle bundle, SentenceVector sentence) {
        SentenceFeatures features = bundle.sentences();
        return features != null
                && bundle.embeddingServiceModel().filter(sentence.model()::equals).isPresent()
                && sentence.vector().length == features.encoder().dimension();
    }

    @Override
    public Optional<String> reusableEncoding() {
        LoadedModel production = serving.get().production();
        return production == null ? Optional.empty() : production.bundle().embeddingServiceModel();
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
        ServingModels next = new ServingModels(production, canary, canary == null ? 0 : shareOf(canary, current));
        if (!next.equals(current)) {
            serving.set(next);
            log.info("serving model version {} (canary {} for a share of {})", versionOf(production),
                    versionOf(canary), next.share());
        }
    }

    /** The canary's share in the database; if that cannot be read, the share it had, else the configured default. */
    private double shareOf(LoadedModel canary, ServingModels current) {
        try {
            return shares.inUse(canary.version()).share();
        } catch (DataAccessException e) {
            double kept = canary.equals(current.canary()) ? current.share() : properties.canaryShare();
            log.warn("canary share of version {} unreadable, routing by {}: {}", canary.version(), kept,
                    e.getMessage());
            return kept;
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

    /** The share of ticket ids the canary answers now (0 when there is none). */
    public double canaryShare() {
        return serving.get().share();
    }

    /** The canary version, or -1 when there is none. */
    public long canaryVersion() {
        return versionOf(serving.get().canary());
    }

    private static long versionOf(@Nullable LoadedModel model) {
        return model == null ? -1 : model.version();
    }
}
