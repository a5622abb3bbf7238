package io.triage.classify.lifecycle.retirement;

import java.util.List;
import java.util.Optional;

import io.triage.classify.lifecycle.ModelLifecycle;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.ModelVersion;
import io.triage.classify.lifecycle.RegistrationOutcome;
import io.triage.classify.lifecycle.RetrainingData;
import io.triage.classify.lifecycle.Stage;
import io.triage.classify.lifecycle.jobs.TrainingJob;
import io.triage.classify.lifecycle.jobs.TrainingJobs;
import io.triage.classify.lifecycle.provenance.ModelRetirements;
import io.triage.classify.lifecycle.provenance.Retirement;
import io.triage.classify.lifecycle.serving.ModelServing;
import io.triage.classify.training.TrainingProgress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Retires the versions trained on an erased customer's text, as a training job (trigger {@value #TRIGGER}): every
 * pending version that does not serve production is retired at once (a STAGING one stops answering the canary
 * share); when the production version is pending, a replacement is trained from the retraining data without the
 * erased customers' tickets, registered in STAGING and promoted as {@code POST /models/{v}/promote} promotes, and
 * only then is the old production version retired. A failed retraining leaves production and its retirement pending
 * (the job says why; {@code classify_model_retirements_overdue} and its alert follow the deadline).
 */
@Service
public class ModelRetirement {

    static final String TRIGGER = "retirement";
    private static final Logger log = LoggerFactory.getLogger(ModelRetirement.class);

    private final ModelRetirements retirements;
    private final TrainingJobs jobs;
    private final ModelStore registry;
    private final ModelLifecycle lifecycle;
    private final RetrainingData retrainingData;
    private final ModelServing serving;

    ModelRetirement(ModelRetirements retirements, TrainingJobs jobs, ModelStore registry, ModelLifecycle lifecycle,
            RetrainingData retrainingData, ModelServing serving) {
        this.retirements = retirements;
        this.jobs = jobs;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.retrainingData = retrainingData;
        this.serving = serving;
    }

    /** Every retirement, pending ones first. */
    public List<Retirement> list() {
        return retirements.all();
    }

    /**
     * Starts the retirement job when anything is pending; empty when nothing is (a second run does nothing).
     *
     * @throws io.triage.platform.problem.ProblemException 409 while another training job runs
     */
    public Optional<TrainingJob> start() {
        if (retirements.pending().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jobs.submitWork(TRIGGER, this::retire));
    }

    private @Nullable RegistrationOutcome retire(TrainingProgress progress) {
        List<Retirement> pending = retirements.pending();
        progress.report("retiring", 0, pending.size());
        Optional<ModelVersion> production = registry.inStage(Stage.PRODUCTION);
        Long productionVersion = production.map(ModelVersion::version).orElse(null);
        int done = 0;
        Long servingPending = null;
        for (Retirement retirement : pending) {
            if (productionVersion != null && retirement.modelVersion() == productionVersion) {
                servingPending = productionVersion;
                continue;
            }
            retireOne(retirement.modelVersion(), null);
            progress.report("retiring", ++done, pending.size());
        }
        if (servingPending == null) {
            serving.refresh();
            return null;
        }
        RegistrationOutcome replacement = lifecycle.trainReplacement(retrainingData.load(), TRIGGER, progress,
                servingPending);
        lifecycle.promote(replacement.version());
        retireOne(servingPending, replacement.version());
        serving.refresh();
        log.info("production version {} retired, replaced by version {} trained without erased customers' text",
                servingPending, replacement.version());
        // The job's result says where the replacement is now: promoted, not left in STAGING.
        return new RegistrationOutcome(replacement.version(), Stage.PRODUCTION, replacement.macroF1(),
                replacement.baselineF1(), replacement.decision(), replacement.report());
    }

    private void retireOne(long version, @Nullable Long replacedBy) {
        registry.retire(version);
        if (retirements.markRetired(version, replacedBy)) {
            log.info("model version {} retired (trained on an erased customer's text)", version);
        }
    }
}
