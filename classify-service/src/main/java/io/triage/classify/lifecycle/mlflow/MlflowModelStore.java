package io.triage.classify.lifecycle.mlflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.ModelVersion;
import io.triage.classify.lifecycle.Stage;
import io.triage.classify.lifecycle.StoredArtifact;
import io.triage.classify.lifecycle.TrainingRun;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.mlflow.api.proto.ModelRegistry.CreateModelVersion;
import org.mlflow.api.proto.ModelRegistry.CreateRegisteredModel;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.SetModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.TransitionModelVersionStage;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.Page;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Tracking and registry in MLflow, through its Java client: a training run is an MLflow run (params, metrics, tags
 * for trigger, data fingerprint, duration, decision and the artifact's SHA-256; the model artifact and the report as
 * run artifacts), a model version is a version of the registered model whose {@code source} is the run's
 * {@code model} artifact directory, and the stages map 1:1 (None, Staging, Production, Archived). Registry calls the
 * client does not wrap go through its {@code sendPost} with request bodies built from MLflow's own protobuf
 * messages, so field names come from MLflow and not from here.
 *
 * <p>Registration order keeps a failure harmless: run, metrics and artifacts first; then the version (created in
 * None, which the serving poller never loads); only then the move to Staging, which archives the previous staging
 * version on the server in the same request.
 */
public final class MlflowModelStore implements ModelStore, AutoCloseable {

    static final String MODEL_DIR = "model";
    static final String MODEL_FILE = "model.bin";
    static final String REPORT_FILE = "report.json";
    static final String SHA256_TAG = "artifact_sha256";
    static final String MACRO_F1_TAG = "macro_f1";
    static final String BASELINE_F1_TAG = "baseline_f1";
    static final String DECISION_TAG = "decision";
    static final String RETIRED_AT_TAG = "retired_at";

    private static final Logger log = LoggerFactory.getLogger(MlflowModelStore.class);
    private static final int PAGE_SIZE = 200;

    private final MlflowClient client;
    private final MlflowArtifacts artifacts;
    private final MlflowCalls calls;
    private final MlflowProperties properties;
    private final AtomicReference<@Nullable String> experimentId = new AtomicReference<>();
    private final AtomicBoolean registeredModelExists = new AtomicBoolean();

    MlflowModelStore(MlflowClient client, MlflowArtifacts artifacts, MlflowCalls calls,
            MlflowProperties properties) {
        this.client = client;
        this.artifacts = artifacts;
        this.calls = calls;
        this.properties = properties;
    }

    /** A store talking to the configured tracking server; nothing is contacted until the first call. */
    public static MlflowModelStore connect(MlflowProperties properties, ResilientCalls resilientCalls,
            Duration retryAfter) {
        BasicMlflowHostCreds creds = credentials(properties);
        return new MlflowModelStore(new MlflowClient(creds), new MlflowArtifacts(creds, properties.callTimeout()),
                new MlflowCalls(resilientCalls, creds.getHost(), properties.callTimeout(), retryAfter), properties);
    }

    /** MLflow's Java client reads no credentials for http(s) URIs itself; they come from the properties. */
    static BasicMlflowHostCreds credentials(MlflowProperties properties) {
        String host = properties.trackingUri() == null ? "" : properties.trackingUri().strip();
        host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        if (StringUtils.hasText(properties.username())) {
            return new BasicMlflowHostCreds(host, properties.username(), properties.password(), null,
                    properties.insecureTls());
        }
        String token = StringUtils.hasText(properties.token()) ? properties.token() : null;
        return new BasicMlflowHostCreds(host, null, null, token, properties.insecureTls());
    }

    @Override
    public long register(TrainingRun run, byte[] artifact, String sha256, double macroF1,
            @Nullable Double baselineF1, Stage stage, String decision) {
        String runId = null;
        boolean registered = false;
        try {
            RunInfo info = calls.call("create run", () -> client.createRun(CreateRun.newBuilder()
                    .setExperimentId(experimentId())
                    .setStartTime(run.startedAt().toEpochMilli())
                    .setRunName(run.trigger() + "-" + run.startedAt())
                    .build()));
            String id = info.getRunId();
            runId = id;
            String root = info.getArtifactUri();
            artifacts.checkWritable(root);
            calls.run("log run", () -> client.logBatch(id, metrics(run), params(run),
                    runTags(run, sha256, stage, decision)));
            calls.run("upload model artifact", () -> artifacts.upload(root, MODEL_DIR + "/" + MODEL_FILE, artifact));
            calls.run("upload report", () -> artifacts.upload(root, REPORT_FILE,
                    run.reportJson().getBytes(StandardCharsets.UTF_8)));
            ensureRegisteredModel();
            String version = createVersion(id, root + "/" + MODEL_DIR, sha256, macroF1, baselineF1, decision);
            if (stage != Stage.NONE) {
                moveToStage(version, stage);
            }
            registered = true;
            finishRun(id, RunStatus.FINISHED);
            return Long.parseLong(version);
        } catch (UnavailableException e) {
            // A transient outage (it carries Retry-After) gets the caller's consequence spelled out.
            Duration retryAfter = e.retryAfter();
            throw retryAfter == null ? e : new UnavailableException(e.getMessage() + "; the new model was not "
                    + "registered for serving and production keeps its current version", retryAfter);
        } finally {
            if (!registered) {
                finishRun(runId, RunStatus.FAILED);
            }
        }
    }

    @Override
    public void promoteToProduction(long version) {
        moveToStage(Long.toString(version), Stage.PRODUCTION);
    }

    /**
     * MLflow has no RETIRED stage: the version's model artifact is deleted through the artifact proxy, the version
     * is tagged {@value #RETIRED_AT_TAG} and moved to Archived; this store reads such a version as RETIRED. Each step
     * is idempotent, so a retirement interrupted half-way is completed by the next run.
     */
    @Override
    public void retire(long version) {
        Optional<org.mlflow.api.proto.ModelRegistry.ModelVersion> found = mlflowVersion(version);
        if (found.isEmpty() || stage(found.get().getCurrentStage()) == Stage.PRODUCTION) {
            return;
        }
        org.mlflow.api.proto.ModelRegistry.ModelVersion v = found.get();
        calls.run("delete model artifact", () -> artifacts.delete(v.getSource(), MODEL_FILE));
        if (!tags(v).containsKey(RETIRED_AT_TAG)) {
            String request = MlflowJson.print(SetModelVersionTag.newBuilder()
                    .setName(properties.registeredModel())
                    .setVersion(v.getVersion())
                    .setKey(RETIRED_AT_TAG)
                    .setValue(Instant.now().toString()));
            calls.call("tag model version", () -> client.sendPost("model-versions/set-tag", request));
        }
        if (stage(v.getCurrentStage()) != Stage.ARCHIVED) {
            moveToStage(v.getVersion(), Stage.ARCHIVED);
        }
    }

    @Override
    public List<ModelVersion> versions() {
        String filter = "name='" + properties.registeredModel().replace("'", "\\'") + "'";
        List<ModelVersion> all = new ArrayList<>();
        Page<org.mlflow.api.proto.ModelRegistry.ModelVersion> page = calls.call("search model versions",
                () -> client.searchModelVersions(filter, PAGE_SIZE, List.of()));
        while (true) {
            page.getItems().forEach(v -> all.add(map(v)));
            if (!page.hasNextPage()) {
                break;
            }
            Page<org.mlflow.api.proto.ModelRegistry.ModelVersion> current = page;
            page = calls.call("search model versions", current::getNextPage);
        }
        all.sort(Comparator.comparingLong(ModelVersion::version).reversed());
        return all;
    }

    @Override
    public Optional<ModelVersion> find(long version) {
        return mlflowVersion(version).map(MlflowModelStore::map);
    }

    @Override
    public Optional<ModelVersion> inStage(Stage stage) {
        try {
            return calls.call("get latest versions", () -> client.getLatestVersions(properties.registeredModel(),
                            List.of(mlflowStage(stage))))
                    .stream()
                    .map(MlflowModelStore::map)
                    .filter(v -> v.stage() == stage)
                    .max(Comparator.comparingLong(ModelVersion::version));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<StoredArtifact> artifact(long version) {
        return mlflowVersion(version).flatMap(v -> {
            String sha256 = tags(v).getOrDefault(SHA256_TAG, "");
            try {
                byte[] bytes = calls.call("download model artifact", () -> artifacts.download(v.getSource(),
                        MODEL_FILE));
                return Optional.of(new StoredArtifact(version, bytes, sha256));
            } catch (HttpClientErrorException.NotFound e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> reportJson(long version) {
        return mlflowVersion(version).flatMap(v -> {
            try {
                String root = calls.call("get run", () -> client.getRun(v.getRunId())).getInfo().getArtifactUri();
                byte[] report = calls.call("download report", () -> artifacts.download(root, REPORT_FILE));
                return Optional.of(new String(report, StandardCharsets.UTF_8));
            } catch (HttpClientErrorException.NotFound e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private Optional<org.mlflow.api.proto.ModelRegistry.ModelVersion> mlflowVersion(long version) {
        try {
            return Optional.of(calls.call("get model version",
                    () -> client.getModelVersion(properties.registeredModel(), Long.toString(version))));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    private String experimentId() {
        String cached = experimentId.get();
        if (cached != null) {
            return cached;
        }
        String name = properties.experiment();
        String id = calls.call("get experiment", () -> client.getExperimentByName(name))
                .map(e -> e.getExperimentId())
                .orElseGet(() -> {
                    try {
                        return calls.call("create experiment", () -> client.createExperiment(name));
                    } catch (HttpClientErrorException.BadRequest e) {
                        // Another replica created it a moment ago.
                        return calls.call("get experiment", () -> client.getExperimentByName(name)).orElseThrow(
                                () -> e).getExperimentId();
                    }
                });
        experimentId.set(id);
        return id;
    }

    private void ensureRegisteredModel() {
        if (registeredModelExists.get()) {
            return;
        }
        String name = properties.registeredModel();
        try {
            calls.call("get registered model", () -> client.getRegisteredModel(name));
        } catch (HttpClientErrorException.NotFound missing) {
            try {
                calls.call("create registered model", () -> client.sendPost("registered-models/create",
                        MlflowJson.print(CreateRegisteredModel.newBuilder().setName(name)
                                .setDescription("Ticket triage TF-IDF + logistic regression (classify-service)"))));
            } catch (HttpClientErrorException.BadRequest e) {
                if (!MlflowCalls.isAlreadyExists(e)) {
                    throw e;
                }
            }
        }
        registeredModelExists.set(true);
    }

    private String createVersion(String runId, String source, String sha256, double macroF1,
            @Nullable Double baselineF1, String decision) {
        CreateModelVersion.Builder request = CreateModelVersion.newBuilder()
                .setName(properties.registeredModel())
                .setSource(source)
                .setRunId(runId)
                .setDescription(decision)
                .addTags(versionTag(SHA256_TAG, sha256))
                .addTags(versionTag(MACRO_F1_TAG, Double.toString(macroF1)))
                .addTags(versionTag(DECISION_TAG, decision));
        if (baselineF1 != null) {
            request.addTags(versionTag(BASELINE_F1_TAG, Double.toString(baselineF1)));
        }
        String response = calls.call("create model version",
                () -> client.sendPost("model-versions/create", MlflowJson.print(request)));
        return MlflowJson.parse(response, CreateModelVersion.Response.newBuilder()).getModelVersion()
                .getVersion();
    }

    /** One request: the server archives whatever else is in the target stage (Staging or Production). */
    private void moveToStage(String version, Stage stage) {
        String request = MlflowJson.print(TransitionModelVersionStage.newBuilder()
                .setName(properties.registeredModel())
                .setVersion(version)
                .setStage(mlflowStage(stage))
                .setArchiveExistingVersions(stage == Stage.STAGING || stage == Stage.PRODUCTION));
        calls.call("transition model version stage",
                () -> client.sendPost("model-versions/transition-stage", request));
    }

    /** Best effort: the run's status is bookkeeping, and its failure must not hide the registration's outcome. */
    private void finishRun(@Nullable String runId, RunStatus status) {
        if (runId == null) {
            return;
        }
        try {
            calls.run("finish run", () -> client.setTerminated(runId, status, Instant.now().toEpochMilli()));
        } catch (ProblemException e) {
            log.warn("MLflow run {} could not be marked {}: {}", runId, status, e.getMessage());
        }
    }

    private static List<Metric> metrics(TrainingRun run) {
        long now = Instant.now().toEpochMilli();
        return run.metrics().entrySet().stream()
                .filter(e -> e.getValue() instanceof Number)
                .map(e -> Metric.newBuilder().setKey(e.getKey()).setValue(((Number) e.getValue()).doubleValue())
                        .setTimestamp(now).setStep(0).build())
                .toList();
    }

    private static List<Param> params(TrainingRun run) {
        return run.params().entrySet().stream()
                .map(e -> Param.newBuilder().setKey(e.getKey()).setValue(String.valueOf(e.getValue())).build())
                .toList();
    }

    private static List<RunTag> runTags(TrainingRun run, String sha256, Stage stage, String decision) {
        return List.of(
                runTag("trigger", run.trigger()),
                runTag("data_fingerprint", run.dataFingerprint()),
                runTag("duration_ms", Long.toString(run.durationMillis())),
                runTag(DECISION_TAG, decision),
                runTag("registered_stage", mlflowStage(stage)),
                runTag(SHA256_TAG, sha256));
    }

    private static RunTag runTag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }

    private static ModelVersionTag versionTag(String key, String value) {
        return ModelVersionTag.newBuilder().setKey(key).setValue(value).build();
    }

    private static Map<String, String> tags(org.mlflow.api.proto.ModelRegistry.ModelVersion version) {
        Map<String, String> tags = new HashMap<>();
        version.getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
        return tags;
    }

    static ModelVersion map(org.mlflow.api.proto.ModelRegistry.ModelVersion version) {
        Map<String, String> tags = tags(version);
        String baseline = tags.get(BASELINE_F1_TAG);
        String retiredAt = tags.get(RETIRED_AT_TAG);
        return new ModelVersion(Long.parseLong(version.getVersion()), runUuid(version.getRunId()),
                retiredAt == null ? stage(version.getCurrentStage()) : Stage.RETIRED,
                Double.parseDouble(tags.getOrDefault(MACRO_F1_TAG, "0")),
                baseline == null ? null : Double.valueOf(baseline),
                tags.getOrDefault(DECISION_TAG, version.getDescription()), tags.getOrDefault(SHA256_TAG, ""),
                Instant.ofEpochMilli(version.getCreationTimestamp()),
                Instant.ofEpochMilli(version.getLastUpdatedTimestamp()),
                retiredAt == null ? null : Instant.parse(retiredAt));
    }

    /** MLflow run ids are UUIDs written as 32 hex digits. */
    static UUID runUuid(String runId) {
        if (runId.matches("[0-9a-fA-F]{32}")) {
            return UUID.fromString(runId.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        }
        return UUID.nameUUIDFromBytes(runId.getBytes(StandardCharsets.UTF_8));
    }

    static Stage stage(String mlflowStage) {
        return Stage.valueOf(mlflowStage.toUpperCase(Locale.ROOT));
    }

    static String mlflowStage(Stage stage) {
        String name = stage.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
