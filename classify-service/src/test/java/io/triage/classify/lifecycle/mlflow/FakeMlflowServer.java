package io.triage.classify.lifecycle.mlflow;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MLflow tracking server and model registry in memory, on 127.0.0.1, speaking MLflow's REST wire format for the
 * endpoints classify-service uses (snake_case JSON, int64 as JSON numbers, errors as
 * {@code {"error_code":"RESOURCE_DOES_NOT_EXIST","message":…}} with MLflow's HTTP statuses: 404 for
 * RESOURCE_DOES_NOT_EXIST and ENDPOINT_NOT_FOUND, 400 for RESOURCE_ALREADY_EXISTS and INVALID_PARAMETER_VALUE), and
 * the artifact proxy of {@code mlflow server --serve-artifacts}: runs get the artifact root
 * {@code mlflow-artifacts:/<experiment>/<run>/artifacts}, served under {@code /api/2.0/mlflow-artifacts/artifacts/}.
 * It runs on test-support's {@code StubServer}: failures can be injected per path, the server stopped and restarted
 * on the same port, and slowed down.
 */
public final class FakeMlflowServer implements AutoCloseable {

    static final String API = "/api/2.0/mlflow/";
    static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One request it received.
     *
     * @param method        HTTP method
     * @param path          request path
     * @param query         decoded query string
     * @param authorization the Authorization header, when sent
     */
    public record Received(String method, String path, String query, @Nullable String authorization) {
    }

    /** A run as the server keeps it. */
    public static final class Run {
        public final String id;
        public final String experimentId;
        public final long startTime;
        public final String name;
        public String status = "RUNNING";
        public long endTime;
        public final Map<String, String> params = new LinkedHashMap<>();
        public final Map<String, Double> metrics = new LinkedHashMap<>();
        public final Map<String, String> tags = new LinkedHashMap<>();

        Run(String id, String experimentId, long startTime, String name) {
            this.id = id;
            this.experimentId = experimentId;
            this.startTime = startTime;
            this.name = name;
        }

        public String artifactUri() {
            return "mlflow-artifacts:/" + experimentId + "/" + id + "/artifacts";
        }
    }

    /** A model version as the server keeps it. */
    public static final class Version {
        final String name;
        public final long version;
        public final long created;
        public long updated;
        public String stage = "None";
        public final String source;
        public final String runId;
        public final String description;
        public final Map<String, String> tags = new LinkedHashMap<>();

        Version(String name, long version, long created, String source, String runId, String description) {
            this.name = name;
            this.version = version;
            this.created = created;
            this.updated = created;
            this.source = source;
            this.runId = runId;
            this.description = description;
        }
    }

    private final StubServer server = new StubServer();
    private final AtomicLong clock = new AtomicLong(1_764_000_000_000L);
    private final Map<String, String> experiments = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, byte[]> artifacts = new HashMap<>();
    private final Map<String, Long> registeredModels = new LinkedHashMap<>();
    private final List<Version> versions = new ArrayList<>();
    private volatile int pageLimit = Integer.MAX_VALUE;

    public FakeMlflowServer() {
        server.onAny("/", this::answer);
    }

    public String trackingUri() {
        return server.baseUrl();
    }

    /** Answers every request whose path contains {@code pathPart} with this status and an INTERNAL_ERROR body. */
    public void fail(String pathPart, int status) {
        server.fail(request -> request.path().contains(pathPart), injected(status));
    }

    /** Answers every request with this status. */
    public void failEverything(int status) {
        server.fail(request -> true, injected(status));
    }

    public void heal() {
        server.heal();
    }

    public void delay(Duration newDelay) {
        server.delay(newDelay);
    }

    /** Forgets everything it stored and every request it saw. */
    public synchronized void reset() {
        server.reset();
        experiments.clear();
        runs.clear();
        artifacts.clear();
        registeredModels.clear();
        versions.clear();
        pageLimit = Integer.MAX_VALUE;
    }

    /** Answers searches with at most this many results per page, whatever max_results asks for. */
    public void answerAtMostPerPage(int limit) {
        this.pageLimit = limit;
    }

    public List<Received> received() {
        return server.received().stream().map(r -> new Received(r.method(), r.path(),
                r.rawQuery() == null ? "" : decode(r.rawQuery()), r.header("Authorization"))).toList();
    }

    public synchronized Optional<Run> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    public synchronized List<Run> runs() {
        return List.copyOf(runs.values());
    }

    public synchronized List<Version> versions() {
        return List.copyOf(versions);
    }

    public synchronized Optional<Version> version(long version) {
        return versions.stream().filter(v -> v.version == version).findFirst();
    }

    public synchronized Optional<byte[]> artifact(String path) {
        return Optional.ofNullable(artifacts.get(path));
    }

    /** Replaces a stored artifact's bytes, as a corrupted store would. */
    public synchronized void overwriteArtifact(String path, byte[] bytes) {
        artifacts.put(path, bytes);
    }

    /** Stops listening: callers now get connection refused. */
    public void stop() {
        server.stop();
    }

    /** Listens again on the same port. */
    public void start() {
        server.start();
    }

    @Override
    public void close() {
        server.close();
    }

    private StubReply answer(StubRequest request) {
        Reply reply;
        try {
            reply = route(request.method(), request.path(), request.queryParameters(), request.body());
        } catch (MlflowError e) {
            reply = error(e.status, e.code, String.valueOf(e.getMessage()));
        }
        return reply.stub();
    }

    /** Every matching request is answered with this status and an INTERNAL_ERROR body, as MLflow words it. */
    private static StubFailure injected(int status) {
        return StubFailure.reply(error(status, "INTERNAL_ERROR", "injected failure").stub());
    }

    private record Reply(int status, String contentType, byte[] body) {

        static Reply json(Object node) {
            return new Reply(200, "application/json", JSON.writeValueAsBytes(node));
        }

        StubReply stub() {
            return StubReply.bytes(status, contentType, body);
        }
    }

    /** An MLflow error: the error code and the HTTP status MLflow maps it to. */
    private static final class MlflowError extends RuntimeException {
        final int status;
        final String code;

        MlflowError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        static MlflowError missing(String message) {
            return new MlflowError(404, "RESOURCE_DOES_NOT_EXIST", message);
        }

        static MlflowError invalid(String message) {
            return new MlflowError(400, "INVALID_PARAMETER_VALUE", message);
        }

        static MlflowError exists(String message) {
            return new MlflowError(400, "RESOURCE_ALREADY_EXISTS", message);
        }
    }

    private static Reply error(int status, String code, String message) {
        ObjectNode node = JSON.createObjectNode().put("error_code", code).put("message", message);
        return new Reply(status, "application/json", JSON.writeValueAsBytes(node));
    }

    private synchronized Reply route(String method, String path, Map<String, List<String>> query, byte[] body) {
        if (path.startsWith(ARTIFACTS)) {
            return artifactRequest(method, path.substring(ARTIFACTS.length()), body);
        }
        JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        String endpoint = method + " " + (path.startsWith(API) ? path.substring(API.length()) : path);
        return switch (endpoint) {
            case "GET experiments/get-by-name" -> experimentByName(required(query, "experiment_name"));
            case "POST experiments/create" -> createExperiment(text(json, "name"));
            case "POST runs/create" -> createRun(json);
            case "POST runs/log-batch" -> logBatch(json);
            case "POST runs/update" -> updateRun(json);
            case "GET runs/get" -> Reply.json(JSON.createObjectNode().set("run", runJson(existingRun(
                    required(query, "run_id")))));
            case "GET registered-models/get" -> registeredModel(required(query, "name"));
            case "POST registered-models/create" -> createRegisteredModel(text(json, "name"));
            case "POST model-versions/create" -> createVersion(json);
            case "POST model-versions/transition-stage" -> transition(json);
            case "POST model-versions/set-tag" -> setVersionTag(json);
            case "GET model-versions/get" -> Reply.json(JSON.createObjectNode().set("model_version",
                    versionJson(existingVersion(required(query, "name"), required(query, "version")))));
            case "GET registered-models/get-latest-versions" -> latestVersions(required(query, "name"),
                    query.getOrDefault("stages", List.of()));
            case "GET model-versions/search" -> search(query);
            default -> throw new MlflowError(404, "ENDPOINT_NOT_FOUND", "no endpoint " + endpoint);
        };
    }

    private Reply artifactRequest(String method, String artifactPath, byte[] body) {
        if (method.equals("PUT")) {
            artifacts.put(artifactPath, body);
            return Reply.json(JSON.createObjectNode());
        }
        if (method.equals("GET")) {
            byte[] bytes = artifacts.get(artifactPath);
            if (bytes == null) {
                throw MlflowError.missing("artifact " + artifactPath + " does not exist");
            }
            return new Reply(200, "application/octet-stream", bytes);
        }
        if (method.equals("DELETE")) {
            if (artifacts.remove(artifactPath) == null) {
                throw MlflowError.missing("artifact " + artifactPath + " does not exist");
            }
            return Reply.json(JSON.createObjectNode());
        }
        throw new MlflowError(404, "ENDPOINT_NOT_FOUND", method + " is not an artifact operation");
    }

    private Reply experimentByName(String name) {
        String id = experiments.get(name);
        if (id == null) {
            throw MlflowError.missing("Could not find experiment with name '" + name + "'");
        }
        ObjectNode experiment = JSON.createObjectNode().put("experiment_id", id).put("name", name)
                .put("artifact_location", "mlflow-artifacts:/" + id).put("lifecycle_stage", "active");
        return Reply.json(JSON.createObjectNode().set("experiment", experiment));
    }

    private Reply createExperiment(String name) {
        if (experiments.containsKey(name)) {
            throw MlflowError.exists("Experiment '" + name + "' already exists.");
        }
        String id = Integer.toString(experiments.size() + 1);
        experiments.put(name, id);
        return Reply.json(JSON.createObjectNode().put("experiment_id", id));
    }

    private Reply createRun(JsonNode json) {
        String experimentId = text(json, "experiment_id");
        if (!experiments.containsValue(experimentId)) {
            throw MlflowError.missing("No Experiment with id=" + experimentId + " exists");
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        Run run = new Run(id, experimentId, json.path("start_time").asLong(clock.get()),
                json.path("run_name").asString(""));
        json.path("tags").forEach(t -> run.tags.put(text(t, "key"), text(t, "value")));
        runs.put(id, run);
        return Reply.json(JSON.createObjectNode().set("run", runJson(run)));
    }

    private Reply logBatch(JsonNode json) {
        Run run = existingRun(text(json, "run_id"));
        for (JsonNode param : json.path("params")) {
            String key = text(param, "key");
            String value = text(param, "value");
            String logged = run.params.get(key);
            if (logged != null && !logged.equals(value)) {
                throw MlflowError.invalid("Changing param values is not allowed. Param with key='" + key
                        + "' was already logged with value='" + logged + "'");
            }
            run.params.put(key, value);
        }
        for (JsonNode metric : json.path("metrics")) {
            if (!metric.has("timestamp")) {
                throw MlflowError.invalid("Missing value for required parameter 'metrics[].timestamp'");
            }
            run.metrics.put(text(metric, "key"), metric.path("value").asDouble());
        }
        json.path("tags").forEach(t -> run.tags.put(text(t, "key"), text(t, "value")));
        return Reply.json(JSON.createObjectNode());
    }

    private Reply updateRun(JsonNode json) {
        Run run = existingRun(text(json, "run_id"));
        run.status = text(json, "status");
        run.endTime = json.path("end_time").asLong(0);
        return Reply.json(JSON.createObjectNode().set("run_info", runInfo(run)));
    }

    private Reply registeredModel(String name) {
        Long created = registeredModels.get(name);
        if (created == null) {
            throw MlflowError.missing("Registered Model with name=" + name + " not found");
        }
        ObjectNode model = JSON.createObjectNode().put("name", name).put("creation_timestamp", created)
                .put("last_updated_timestamp", created);
        return Reply.json(JSON.createObjectNode().set("registered_model", model));
    }

    private Reply createRegisteredModel(String name) {
        if (registeredModels.containsKey(name)) {
            throw MlflowError.exists("Registered Model (name=" + name + ") already exists.");
        }
        registeredModels.put(name, clock.incrementAndGet());
        return registeredModel(name);
    }

    private Reply createVersion(JsonNode json) {
        String name = text(json, "name");
        if (!registeredModels.containsKey(name)) {
            throw MlflowError.missing("Registered Model with name=" + name + " not found");
        }
        long number = versions.stream().filter(v -> v.name.equals(name)).mapToLong(v -> v.version).max().orElse(0)
                + 1;
        Version version = new Version(name, number, clock.incrementAndGet(), text(json, "source"),
                json.path("run_id").asString(""), json.path("description").asString(""));
        json.path("tags").forEach(t -> version.tags.put(text(t, "key"), text(t, "value")));
        versions.add(version);
        return Reply.json(JSON.createObjectNode().set("model_version", versionJson(version)));
    }

    private Reply setVersionTag(JsonNode json) {
        Version version = existingVersion(text(json, "name"), text(json, "version"));
        version.tags.put(text(json, "key"), text(json, "value"));
        version.updated = clock.incrementAndGet();
        return Reply.json(JSON.createObjectNode());
    }

    private Reply transition(JsonNode json) {
        Version version = existingVersion(text(json, "name"), text(json, "version"));
        String stage = canonicalStage(text(json, "stage"));
        boolean archive = json.path("archive_existing_versions").asBoolean(false);
        if (archive && !(stage.equals("Staging") || stage.equals("Production"))) {
            throw MlflowError.invalid("Model version transition cannot archive existing model versions because '"
                    + stage + "' is not an Active stage. Valid stages are Staging, Production");
        }
        long now = clock.incrementAndGet();
        if (archive) {
            versions.stream()
                    .filter(v -> v.name.equals(version.name) && v != version && v.stage.equals(stage))
                    .forEach(v -> {
                        v.stage = "Archived";
                        v.updated = now;
                    });
        }
        version.stage = stage;
        version.updated = now;
        return Reply.json(JSON.createObjectNode().set("model_version", versionJson(version)));
    }

    private Reply latestVersions(String name, List<String> stages) {
        if (!registeredModels.containsKey(name)) {
            throw MlflowError.missing("Registered Model with name=" + name + " not found");
        }
        List<String> wanted = stages.isEmpty() ? List.of("None", "Staging", "Production", "Archived")
                : stages.stream().map(FakeMlflowServer::canonicalStage).toList();
        ArrayNode latest = JSON.createArrayNode();
        for (String stage : wanted) {
            versions.stream()
                    .filter(v -> v.name.equals(name) && v.stage.equals(stage))
                    .max(Comparator.comparingLong(v -> v.version))
                    .ifPresent(v -> latest.add(versionJson(v)));
        }
        return Reply.json(JSON.createObjectNode().set("model_versions", latest));
    }

    private Reply search(Map<String, List<String>> query) {
        String filter = first(query, "filter").orElse("");
        Matcher m = Pattern.compile("\\s*name\\s*=\\s*'([^']*)'\\s*").matcher(filter);
        if (!m.matches()) {
            throw MlflowError.invalid("Invalid filter string '" + filter + "'");
        }
        int max = Math.min(pageLimit, Integer.parseInt(first(query, "max_results").orElse("200")));
        int offset = Integer.parseInt(first(query, "page_token").filter(t -> !t.isEmpty()).orElse("0"));
        List<Version> matching = versions.stream().filter(v -> v.name.equals(m.group(1)))
                .sorted(Comparator.comparingLong((Version v) -> v.version).reversed()).toList();
        ArrayNode page = JSON.createArrayNode();
        matching.stream().skip(offset).limit(max).forEach(v -> page.add(versionJson(v)));
        ObjectNode answer = JSON.createObjectNode().set("model_versions", page);
        if (offset + max < matching.size()) {
            answer.put("next_page_token", Integer.toString(offset + max));
        }
        return Reply.json(answer);
    }

    private Run existingRun(String runId) {
        Run run = runs.get(runId);
        if (run == null) {
            throw MlflowError.missing("Run with id=" + runId + " not found");
        }
        return run;
    }

    private Version existingVersion(String name, String number) {
        long wanted;
        try {
            wanted = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw MlflowError.invalid("Model version must be an integer, got '" + number + "'");
        }
        return versions.stream().filter(v -> v.name.equals(name) && v.version == wanted).findFirst()
                .orElseThrow(() -> MlflowError.missing("Model Version (name=" + name + ", version=" + number
                        + ") not found"));
    }

    private static String canonicalStage(String stage) {
        for (String known : List.of("None", "Staging", "Production", "Archived")) {
            if (known.equalsIgnoreCase(stage)) {
                return known;
            }
        }
        throw MlflowError.invalid("Invalid Model Version stage: " + stage
                + ". Value must be one of None, Staging, Production, Archived.");
    }

    private ObjectNode runInfo(Run run) {
        ObjectNode info = JSON.createObjectNode().put("run_id", run.id).put("run_uuid", run.id)
                .put("run_name", run.name).put("experiment_id", run.experimentId).put("user_id", "")
                .put("status", run.status).put("start_time", run.startTime)
                .put("artifact_uri", run.artifactUri()).put("lifecycle_stage", "active");
        if (run.endTime > 0) {
            info.put("end_time", run.endTime);
        }
        return info;
    }

    private ObjectNode runJson(Run run) {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode metrics = data.putArray("metrics");
        run.metrics.forEach((k, v) -> metrics.addObject().put("key", k).put("value", v)
                .put("timestamp", run.startTime).put("step", 0));
        ArrayNode params = data.putArray("params");
        run.params.forEach((k, v) -> params.addObject().put("key", k).put("value", v));
        ArrayNode tags = data.putArray("tags");
        run.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        ObjectNode node = JSON.createObjectNode();
        node.set("info", runInfo(run));
        node.set("data", data);
        return node;
    }

    private static ObjectNode versionJson(Version v) {
        ObjectNode node = JSON.createObjectNode().put("name", v.name).put("version", Long.toString(v.version))
                .put("creation_timestamp", v.created).put("last_updated_timestamp", v.updated)
                .put("user_id", "").put("current_stage", v.stage).put("description", v.description)
                .put("source", v.source).put("run_id", v.runId).put("status", "READY");
        ArrayNode tags = node.putArray("tags");
        v.tags.forEach((k, val) -> tags.addObject().put("key", k).put("value", val));
        return node;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asString().isEmpty()) {
            throw MlflowError.invalid("Missing value for required parameter '" + field + "'");
        }
        return value.asString();
    }

    private static String required(Map<String, List<String>> query, String name) {
        return first(query, name).filter(v -> !v.isEmpty()).orElseThrow(() -> MlflowError.invalid(
                "Missing value for required parameter '" + name + "'"));
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream().findFirst();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
