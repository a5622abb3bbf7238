package io.triage.classify.lifecycle.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.classify.lifecycle.ModelLifecycle;
import io.triage.classify.lifecycle.ModelProperties;
import io.triage.classify.lifecycle.RegistrationOutcome;
import io.triage.classify.lifecycle.RetrainingData;
import io.triage.classify.lifecycle.provenance.TrainingData;
import io.triage.classify.training.TrainingDataException;
import io.triage.classify.training.TrainingProgress;
import io.triage.classify.training.TrainingSet;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnavailableException;
import io.triage.platform.web.ProblemStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Training and retraining as background jobs: a request is answered at once with a job to poll, and the work runs
 * on one training thread of this replica. Training spreads over a pool with fewer threads than cores
 * ({@code jobs.parallelism}), so serving keeps a core. One job runs at a time across all replicas (a second request
 * gets 409 naming the running one), and a job whose process died is failed, never left RUNNING.
 */
@Service
public class TrainingJobs {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);
    /** Progress is written at most this often, apart from stage changes and a stage's last unit. */
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(500).toNanos();
    private static final JobProblem ABANDONED = new JobProblem(500, "Training interrupted",
            "classify-service stopped or lost its database connection while this job ran; start it again", null);

    private final TrainingJobStore store;
    private final ModelLifecycle lifecycle;
    private final RetrainingData retrainingData;
    private final ModelProperties.Jobs settings;
    private final MeterRegistry meters;
    private final String instance;
    private final ExecutorService runner;
    private final ForkJoinPool workers;
    private final AtomicInteger runningHere = new AtomicInteger();
    private volatile @Nullable UUID running;

    TrainingJobs(TrainingJobStore store, ModelLifecycle lifecycle, RetrainingData retrainingData,
            ModelProperties properties, MeterRegistry meters) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.retrainingData = retrainingData;
        this.settings = properties.jobs();
        this.meters = meters;
        this.instance = settings.instanceId() != null ? settings.instanceId() : hostName();
        // Daemon threads: a job never keeps a stopping JVM alive; its row is failed by the next start instead.
        this.runner = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("training-job").factory());
        this.workers = new ForkJoinPool(settings.effectiveParallelism(), pool -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName("training-worker-" + worker.getPoolIndex());
            worker.setDaemon(true);
            return worker;
        }, null, false);
        meters.gauge("classify.model.training.jobs.active", runningHere);
    }

    /**
     * Accepts labelled data for training. Data that cannot train (a head with a single class) is refused at once.
     *
     * @throws TrainingDataException for unusable data (422)
     * @throws ProblemException            409 while another job is active
     */
    public TrainingJob submitUpload(TrainingSet data) {
        lifecycle.validate(data);
        return submit("upload", progress -> train(TrainingData.file(data), "upload", progress));
    }

    /** Starts a retraining from the configured retraining data (read by the job, not the request). */
    public TrainingJob submitRetrain(String trigger) {
        return submit(trigger, progress -> train(retrainingData.load(), trigger, progress));
    }

    /**
     * Runs other model work as a job under the same rules (one at a time across replicas, progress, heartbeat,
     * failure as a ProblemDetail): {@code work} may train and register (its outcome is the job's result) or only
     * change the registry (null result).
     *
     * @throws ProblemException 409 while another job is active
     */
    public TrainingJob submitWork(String trigger, Function<TrainingProgress, @Nullable RegistrationOutcome> work) {
        return submit(trigger, work);
    }

    private RegistrationOutcome train(TrainingData data, String trigger, TrainingProgress progress) {
        return lifecycle.trainAndRegister(data, trigger, progress);
    }

    public Optional<TrainingJob> find(UUID id) {
        return store.find(id);
    }

    public List<TrainingJob> recent(int limit) {
        return store.recent(limit);
    }

    private TrainingJob submit(String trigger, Function<TrainingProgress, @Nullable RegistrationOutcome> work) {
        // A dead replica's job would hold the one slot until the next sweep; clear it first.
        store.failAbandoned(null, settings.staleAfter(), ABANDONED);
        UUID id = UUID.randomUUID();
        TrainingJob job = store.insert(id, trigger, instance).orElseThrow(this::conflict);
        try {
            runner.execute(() -> run(id, trigger, work));
        } catch (RejectedExecutionException e) {
            store.failed(id, ABANDONED);
            throw new UnavailableException("classify-service is shutting down", Duration.ofSeconds(30));
        }
        log.info("training job {} accepted ({})", id, trigger);
        return job;
    }

    private ProblemException conflict() {
        return store.active()
                .map(active -> new ConflictException("training job " + active.id() + " (" + active.trigger() + ") is "
                        + active.state() + "; one job runs at a time, poll " + active.location())
                        .with("runningJob", active.id().toString()).with("location", active.location()))
                .orElseGet(() -> new ConflictException("another training job was accepted at the same moment"));
    }

    private void run(UUID id, String trigger, Function<TrainingProgress, @Nullable RegistrationOutcome> work) {
        running = id;
        runningHere.incrementAndGet();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            store.started(id);
            JobProgress progress = new JobProgress(id);
            Callable<@Nullable RegistrationOutcome> task = () -> {
                progress.report("reading", 0, 0);
                return work.apply(progress);
            };
            @Nullable RegistrationOutcome registered = workers.submit(task).get();
            store.succeeded(id, registered == null ? null : TrainingSummary.of(registered));
            outcome = "succeeded";
            if (registered == null) {
                log.info("job {} ({}) succeeded without registering a version", id, trigger);
            } else {
                log.info("training job {} registered version {} in stage {}: {}", id, registered.version(),
                        registered.stage(), registered.decision());
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            fail(id, cause == null ? e : cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.failed(id, ABANDONED);
        } catch (RuntimeException e) {
            fail(id, e);
        } finally {
            running = null;
            runningHere.decrementAndGet();
            sample.stop(meters.timer("classify.model.training.jobs", "trigger", trigger, "outcome", outcome));
        }
    }

    private void fail(UUID id, Throwable cause) {
        JobProblem problem = switch (cause) {
            case TrainingDataException e -> new JobProblem(422, "Unusable training data",
                    Objects.requireNonNullElse(e.getMessage(), "the data cannot be trained on"), e.line());
            case ProblemException e -> new JobProblem(ProblemStatus.of(e).value(), e.title(),
                    Objects.requireNonNullElse(e.getMessage(), e.title()), null);
            default -> {
                log.error("training job {} failed", id, cause);
                yield new JobProblem(500, "Training failed",
                        "an unexpected error ended the job; the classify-service log has it under job " + id, null);
            }
        };
        if (problem.status() < 500 || cause instanceof ProblemException) {
            log.warn("training job {} failed: {}", id, problem.detail());
        }
        store.failed(id, problem);
    }

    /** Fails what this instance's previous life left active (it runs nothing yet) and any stale job. */
    @EventListener(ApplicationReadyEvent.class)
    void recoverAfterStart() {
        int failed = store.failAbandoned(instance, settings.staleAfter(), ABANDONED);
        if (failed > 0) {
            log.warn("failed {} training job(s) interrupted by a stop of classify-service", failed);
        }
    }

    /** Any replica fails jobs whose replica stopped heart-beating. Idempotent, so no lock is needed. */
    @Scheduled(fixedDelayString = "${triage.classify.models.jobs.stale-after:60s}",
            initialDelayString = "${triage.classify.models.jobs.stale-after:60s}")
    void failStaleJobs() {
        int failed = store.failAbandoned(null, settings.staleAfter(), ABANDONED);
        if (failed > 0) {
            log.warn("failed {} training job(s) whose replica stopped heart-beating", failed);
        }
    }

    /** The running job says it is alive even while a long step (one head's solver) reports no progress. */
    @Scheduled(fixedDelayString = "${triage.classify.models.jobs.heartbeat-interval:10s}")
    void heartbeat() {
        UUID current = running;
        if (current != null) {
            store.heartbeat(current);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        workers.shutdownNow();
        UUID current = running;
        if (current != null && store.failed(current, ABANDONED)) {
            log.warn("training job {} failed: classify-service is stopping", current);
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "classify-service";
        }
    }

    /** Writes progress to the job row, throttled, so pollers on any replica see it. */
    private final class JobProgress implements TrainingProgress {

        private final UUID id;
        private String stage = "";
        private long lastWrite;

        JobProgress(UUID id) {
            this.id = id;
        }

        @Override
        public synchronized void report(String stage, int done, int total) {
            long now = System.nanoTime();
            if (stage.equals(this.stage) && done < total && now - lastWrite < PROGRESS_EVERY_NANOS) {
                return;
            }
            this.stage = stage;
            lastWrite = now;
            store.progress(id, stage, done, total);
        }
    }
}
