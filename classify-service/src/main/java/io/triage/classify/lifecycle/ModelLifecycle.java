package io.triage.classify.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.cache.CacheCalibrations;
import io.triage.classify.evaluation.ReuseCalibration;
import io.triage.classify.cache.ReuseCalibrator;
import io.triage.classify.evaluation.HeadEvaluation;
import io.triage.classify.evaluation.TrainingReport;
import io.triage.classify.lifecycle.provenance.TrainingData;
import io.triage.classify.lifecycle.provenance.TrainingSubjects;
import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.CorruptArtifactException;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingProgress;
import io.triage.classify.training.TrainingResult;
import io.triage.classify.training.TrainingSet;
import io.triage.pii.PiiSanitizer;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Train → track → register → (rule) staging → (analyst) production. The promotion rule: a new model reaches
 * staging only when its mean macro-F1 beats the production model's, measured on the new model's own test split,
 * by more than the configured margin (0.02); with no production model it reaches staging directly.
 */
@Service
public class ModelLifecycle {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SANITISE_CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

    private final ModelStore registry;
    private final ModelProperties properties;
    private final MeterRegistry meters;
    private final PiiSanitizer sanitizer;
    private final TrainingSubjects subjects;
    private final TransactionTemplate transactions;
    private final ReuseCalibrator calibrator;
    private final CacheCalibrations calibrations;
    private final CanaryShares canaryShares;

    ModelLifecycle(ModelStore registry, ModelProperties properties, MeterRegistry meters, PiiSanitizer sanitizer,
            TrainingSubjects subjects, TransactionTemplate transactions, ReuseCalibrator calibrator,
            CacheCalibrations calibrations, CanaryShares canaryShares) {
        this.canaryShares = canaryShares;
        this.calibrator = calibrator;
        this.calibrations = calibrations;
        this.registry = registry;
        this.properties = properties;
        this.meters = meters;
        this.sanitizer = sanitizer;
        this.subjects = subjects;
        this.transactions = transactions;
    }

    /**
     * Refuses, at once, data that training would refuse only after sanitising: a head without two classes once rare
     * classes are handled.
     *
     * @throws io.triage.classify.training.TrainingDataException naming the head
     */
    public void validate(TrainingSet data) {
        ModelTrainer.validate(data, params());
    }

    /**
     * Trains on the texts as serving will see them: sanitised by the same PII sanitiser that {@code /classify} and
     * {@code /models/predict} apply. So no raw personal data enters the vocabulary (feature names are stored in the
     * artifact), and the model is not trained on text it will never be shown (e.g. amounts and names that serving
     * turns into placeholders). Already sanitised text (ingestion's validated tickets) passes through unchanged.
     * {@code progress} hears every stage: sanitising, the trainer's own, evaluating, registering. The version's
     * provenance (origin, and for tickets whose they were) is recorded with its registration.
     */
    public RegistrationOutcome trainAndRegister(TrainingData raw, String trigger, TrainingProgress progress) {
        return trainAndRegister(raw, trigger, progress, null);
    }

    /**
     * Trains a replacement for a production version that must be retired: registered in STAGING whatever the
     * promotion rule says (the version it replaces learnt from text that has to go), ready to be promoted.
     */
    public RegistrationOutcome trainReplacement(TrainingData raw, String trigger, TrainingProgress progress,
            long replaced) {
        return trainAndRegister(raw, trigger, progress, replaced);
    }

    private RegistrationOutcome trainAndRegister(TrainingData raw, String trigger, TrainingProgress progress,
            @Nullable Long replaces) {
        Instant started = Instant.now();
        TrainingSet data = new TrainingSet(sanitised(raw.set().examples(), progress), raw.set().heads());
        TrainingResult result = ModelTrainer.train(data, params(), null, progress);
        TrainingReport report = result.report();
        List<String> heads = report.heads().stream().map(HeadEvaluation::head).toList();
        progress.report("evaluating", 0, 1);
        double candidate = BaselineScore.macroF1(result.bundle(), heads, result.split().test());
        Double baseline = registry.inStage(Stage.PRODUCTION).flatMap(v -> registry.artifact(v.version()))
                .map(this::decodeOrNull)
                .map(production -> BaselineScore.macroF1(production, heads, result.split().test()))
                .orElse(null);
        Stage stage;
        String decision;
        if (replaces != null) {
            stage = Stage.STAGING;
            decision = "replaces version %d, trained on an erased customer's text (macro-F1 %.4f%s)".formatted(
                    replaces, candidate, baseline == null ? "" : ", production's %.4f".formatted(baseline));
        } else if (baseline == null) {
            stage = Stage.STAGING;
            decision = "no production model to beat";
        } else if (candidate > baseline + properties.promotionMargin()) {
            stage = Stage.STAGING;
            decision = "macro-F1 %.4f beats production's %.4f by more than %.2f"
                    .formatted(candidate, baseline, properties.promotionMargin());
        } else {
            stage = Stage.NONE;
            decision = "macro-F1 %.4f does not beat production's %.4f by more than %.2f"
                    .formatted(candidate, baseline, properties.promotionMargin());
        }
        // The cache's reuse threshold while this version answers, measured on the same validation split.
        Optional<ReuseCalibration> calibration = calibrator.calibrate(result.split(), progress);
        progress.report("registering", 0, 1);
        long trackingStarted = System.nanoTime();
        byte[] artifact = ArtifactCodec.encode(result.bundle());
        TrainingRun run = run(started, trigger, report);
        String sha256 = ArtifactCodec.sha256(artifact);
        // One transaction with the registry's tables: no version is visible without its provenance.
        long version = Objects.requireNonNull(transactions.execute(status -> {
            long registered = registry.register(run, artifact, sha256, candidate, baseline, stage, decision);
            subjects.record(registered, raw, properties.retirementWindow());
            calibration.ifPresent(c -> calibrations.record(Long.toString(registered), calibrator.encoderId(), c));
            return registered;
        }));
        meters.timer("classify.model.tracking").record(Duration.ofNanos(System.nanoTime() - trackingStarted));
        meters.counter("classify.model.registrations", "stage", stage.name()).increment();
        return new RegistrationOutcome(version, stage, candidate, baseline, decision, report);
    }

    private TrainingParams params() {
        TrainingParams defaults = TrainingParams.defaults();
        return new TrainingParams(properties.c(), properties.maxIter(), defaults.features(),
                properties.targetPrecision(), properties.seed(), properties.minClassExamples(),
                properties.sentenceEncoderName(), defaults.maxNeighbours(), properties.noveltyShare());
    }

    /** The examples with sanitised text, in order; reports every {@value #SANITISE_CHUNK} examples. */
    private List<LabelledText> sanitised(List<LabelledText> examples, TrainingProgress progress) {
        List<LabelledText> out = new ArrayList<>(examples.size());
        progress.report("sanitising", 0, examples.size());
        for (int from = 0; from < examples.size(); from += SANITISE_CHUNK) {
            out.addAll(examples.subList(from, Math.min(examples.size(), from + SANITISE_CHUNK)).parallelStream()
                    .map(e -> new LabelledText(sanitizer.sanitize(e.text()).text(), e.labels())).toList());
            progress.report("sanitising", out.size(), examples.size());
        }
        return out;
    }

    /** Moves a staging version to production after checking that its artifact is intact. */
    public ModelVersion promote(long version) {
        ModelVersion found = registry.find(version)
                .orElseThrow(() -> new NotFoundException("model version " + version + " does not exist"));
        if (found.stage() != Stage.STAGING) {
            throw new ConflictException("model version " + version + " is in stage " + found.stage()
                    + "; only a STAGING version can be promoted to PRODUCTION");
        }
        StoredArtifact artifact = registry.artifact(version).orElseThrow();
        try {
            ArtifactCodec.decode(artifact.bytes(), artifact.sha256());
        } catch (CorruptArtifactException e) {
            throw new ConflictException("model version " + version + " has a corrupt artifact (" + e.getMessage()
                    + "); production keeps serving its current version").with("version", version);
        }
        registry.promoteToProduction(version);
        return registry.find(version).orElseThrow();
    }

    /**
     * Chooses the share of ticket ids a STAGING version answers (0 keeps it staged but answering nothing), for every
     * replica: their serving pollers read it with the version. Recorded with who chose it and when.
     *
     * @throws InvalidInputException naming {@code share} outside 0..{@code max-canary-share}
     * @throws NotFoundException     for a version the registry does not know
     * @throws ConflictException     for a version that is not STAGING
     */
    public CanaryShare chooseCanaryShare(long version, double share, String by) {
        if (!(share >= 0 && share <= properties.maxCanaryShare())) {
            throw new InvalidInputException("share", "share must be between 0 and " + properties.maxCanaryShare()
                    + " (triage.classify.models.max-canary-share)");
        }
        ModelVersion found = registry.find(version)
                .orElseThrow(() -> new NotFoundException("model version " + version + " does not exist"));
        if (found.stage() != Stage.STAGING) {
            throw new ConflictException("model version " + version + " is in stage " + found.stage()
                    + "; only a STAGING version answers a canary share").with("version", version);
        }
        CanaryShare chosen = canaryShares.choose(version, share, by);
        log.info("canary share of model version {} set to {} by {}", version, share, by);
        return chosen;
    }

    /** The registered versions, newest first, each STAGING one with the canary share it answers. */
    public List<ModelVersion> versions() {
        return registry.versions().stream()
                .map(v -> v.stage() == Stage.STAGING ? v.withCanary(canaryShares.inUse(v.version())) : v)
                .toList();
    }

    private @Nullable ModelBundle decodeOrNull(StoredArtifact artifact) {
        try {
            return ArtifactCodec.decode(artifact.bytes(), artifact.sha256());
        } catch (CorruptArtifactException e) {
            // A corrupt production artifact cannot be a baseline; the candidate is judged as if there were none.
            return null;
        }
    }

    private static TrainingRun run(Instant started, String trigger, TrainingReport report) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("C", report.c());
        params.put("max_iter", report.maxIter());
        params.put("ngram_range", report.ngramRange());
        params.put("target_precision", report.targetPrecision());
        params.put("seed", report.seed());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("macro_f1", report.macroF1());
        for (HeadEvaluation head : report.heads()) {
            String prefix = head.head().toLowerCase(Locale.ROOT) + "_";
            metrics.put(prefix + "accuracy", head.accuracy());
            metrics.put(prefix + "macro_f1", head.macroF1());
            metrics.put(prefix + "macro_precision", head.perClass().stream()
                    .mapToDouble(c -> c.precision()).average().orElse(0));
            metrics.put(prefix + "macro_recall", head.perClass().stream()
                    .mapToDouble(c -> c.recall()).average().orElse(0));
        }
        return new TrainingRun(started, report.trainingMillis(), trigger, params, metrics, report.dataFingerprint(),
                JSON.writeValueAsString(report));
    }
}
