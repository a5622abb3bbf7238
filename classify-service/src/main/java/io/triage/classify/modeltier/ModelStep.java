package io.triage.classify.modeltier;

import java.time.Duration;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.tier.ModelAnswers;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The ML tier in the chain: decides when the department head (the routing) is above its per-class threshold;
 * urgency and sentiment come with their own confidences. It runs in-process, so it has no deadline; a missing
 * production model skips it.
 */
@Component
@Order(30)
class ModelStep implements Tier {

    private final ModelAnswers answers;
    private final ModelTierProperties properties;

    ModelStep(ModelAnswers answers, ModelTierProperties properties) {
        this.answers = answers;
        this.properties = properties;
    }

    @Override
    public RoutingMethod method() {
        return RoutingMethod.ML;
    }

    @Override
    public Duration timeout() {
        return Duration.ZERO;
    }

    @Override
    public TierOutcome decide(TierContext context) {
        if (!properties.enabled()) {
            return new TierOutcome.Skipped("switched off by configuration");
        }
        ModelAnswer answer = answers.answer(context);
        if (answer == null) {
            return new TierOutcome.Skipped("no production model");
        }
        HeadPrediction department = answer.heads().get("department");
        if (department == null || department.needsReview()) {
            return new TierOutcome.Undecided("model below its department threshold");
        }
        return new TierOutcome.Decided(ModelAnswers.label(department),
                ModelAnswers.score(answer.heads().get("urgency")), ModelAnswers.score(answer.heads().get("sentiment")),
                ModelAnswers.candidates(department), "model " + answer.modelVersion() + " is confident");
    }
}
