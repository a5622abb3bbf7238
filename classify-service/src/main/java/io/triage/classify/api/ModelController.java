package io.triage.classify.api;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;

import io.triage.classify.evaluation.ReportRenderer;
import io.triage.classify.evaluation.TrainingReport;
import io.triage.classify.lifecycle.CanaryShare;
import io.triage.classify.lifecycle.ModelLifecycle;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.ModelVersion;
import io.triage.classify.lifecycle.jobs.TrainingJob;
import io.triage.classify.lifecycle.jobs.TrainingJobs;
import io.triage.classify.lifecycle.serving.ModelServing;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.NoModelException;
import io.triage.classify.training.TrainingDataException;
import io.triage.classify.training.TrainingFileReader;
import io.triage.pii.PiiSanitizer;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnavailableException;
import io.triage.platform.problem.UnusableInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Model registry, training, promotion and the ML tier on its own ({@code /models/**}). */
@RestController
class ModelController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final ModelStore registry;
    private final ModelLifecycle lifecycle;
    private final TrainingJobs jobs;
    private final ModelServing serving;
    private final PiiSanitizer sanitizer;

    ModelController(ModelStore registry, ModelLifecycle lifecycle, TrainingJobs jobs, ModelServing serving,
            PiiSanitizer sanitizer) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.serving = serving;
        this.sanitizer = sanitizer;
    }

    @GetMapping("/models")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    List<ModelVersion> versions() {
        return lifecycle.versions();
    }

    /** The evaluation report as JSON, or as Markdown with {@code ?format=markdown}. */
    @GetMapping("/models/{version}/report")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    ResponseEntity<String> report(@PathVariable long version, @RequestParam(defaultValue = "json") String format) {
        String json = registry.reportJson(version)
                .orElseThrow(() -> new NotFoundException("model version " + version + " does not exist"));
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
            case "markdown" -> ResponseEntity.ok().contentType(MARKDOWN)
                    .body("# Model version " + version + "\n\n"
                            + ReportRenderer.markdown(JSON.readValue(json, TrainingReport.class)));
            default -> throw new InvalidInputException("format", "format must be json or markdown");
        };
    }

    @PostMapping("/models/{version}/promote")
    @PreAuthorize("hasRole('ANALYST')")
    ModelVersion promote(@PathVariable long version) {
        ModelVersion promoted = lifecycle.promote(version);
        serving.refresh();
        return promoted;
    }

    /**
     * Chooses the share of ticket ids a STAGING version answers until it is promoted (0 to the configured maximum;
     * 0 keeps it staged but answering nothing). This replica routes by it at once, the others at their next poll.
     */
    @PutMapping("/models/{version}/canary")
    @PreAuthorize("hasRole('ANALYST')")
    CanaryShare canary(@PathVariable long version, @Valid @RequestBody CanaryShareRequest request,
            Authentication caller) {
        CanaryShare chosen = lifecycle.chooseCanaryShare(version, Objects.requireNonNull(request.share()),
                caller.getName());
        serving.refresh();
        return chosen;
    }

    /**
     * Trains from a labelled CSV or JSON Lines body (any subset of department, urgency, sentiment); {@code column}
     * renames source columns, e.g. {@code ?column=category=department} for Banking77's file. The body is checked at
     * once (422 naming the line or head); training runs as a job: 202 with its {@code Location}.
     */
    @PostMapping(path = "/models/train", consumes = {"text/csv", "application/x-ndjson", "application/jsonl",
            MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<TrainingJob> train(@RequestBody(required = false) String body,
            @RequestParam(name = "column", required = false) List<String> columns) {
        Map<String, String> renamed = new HashMap<>();
        for (String column : columns == null ? List.<String>of() : columns) {
            try {
                Map.Entry<String, String> mapping = TrainingFileReader.columnMapping(column);
                renamed.put(mapping.getKey(), mapping.getValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("column",
                        Objects.requireNonNullElse(e.getMessage(), "a column mapping is source=head"));
            }
        }
        try {
            return accepted(jobs.submitUpload(
                    new TrainingFileReader(renamed).parse(body == null ? "" : body, "request body")));
        } catch (TrainingDataException e) {
            throw badTrainingData(e);
        }
    }

    /** Retrains from the retraining data (validated tickets, or the configured file) as a job: 202. */
    @PostMapping("/models/retrain")
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<TrainingJob> retrain() {
        return accepted(jobs.submitRetrain("retrain-request"));
    }

    /** A training job: state, stage, progress; on success the version, on failure why. */
    @GetMapping("/models/jobs/{id}")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    TrainingJob job(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("training job " + id + " does not exist"));
    }

    /** The most recent training jobs, newest first. */
    @GetMapping("/models/jobs")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    List<TrainingJob> jobs(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "limit must be between 1 and 200");
        }
        return jobs.recent(limit);
    }

    private static ResponseEntity<TrainingJob> accepted(TrainingJob job) {
        return ResponseEntity.accepted().location(URI.create(job.location())).body(job);
    }

    /** The ML tier alone (no rules, cache or LLM): for shadow comparisons and model checks. */
    @PostMapping("/models/predict")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    ModelAnswer predict(@Valid @RequestBody PredictRequest request) {
        String text = (request.subject() == null ? "" : sanitizer.sanitize(request.subject()).text() + "\n")
                + sanitizer.sanitize(request.description()).text();
        try {
            return serving.predict(text, request.ticketId());
        } catch (NoModelException e) {
            throw new UnavailableException("no model version is in production yet", Duration.ofSeconds(30));
        }
    }

    private static ProblemException badTrainingData(TrainingDataException e) {
        ProblemException problem = new UnusableInputException("Unusable training data",
                Objects.requireNonNullElse(e.getMessage(), "the data cannot be trained on"));
        return e.line() == null ? problem : problem.with("line", e.line());
    }
}
