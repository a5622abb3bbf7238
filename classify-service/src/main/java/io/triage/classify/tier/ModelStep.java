package io.triage.classify.tier;

import java.time.Duration;
import java.util.List;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.ModelTier;
import io.triage.classify.model.NoModelException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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

    private final ObjectProvider<ModelTier> models;
    private final TierProperties properties;

    ModelStep(ObjectProvider<ModelTier> models, TierProperties properties) {
        this.models = models;
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
        if (!properties.model().enabled()) {
            return new TierOutcome.Skipped("switched off by configuration");
        }
        ModelAnswer answer = answer(context);
        if (answer == null) {
            return new TierOutcome.Skipped("no production model");
        }
        HeadPrediction department = answer.heads().get("department");
        if (department == null || department.needsReview()) {
            return new TierOutcome.Undecided("model below its department threshold");
        }
        return new TierOutcome.Decided(score(department), score(answer.heads().get("urgency")),
                score(answer.heads().get("sentiment")),
                candidates(department), "model " + answer.modelVersion() + " is confident");
    }

    /** The model's answer for the ticket, computed once per ticket; {@code null} when there is no model. */
    @Nullable ModelAnswer answer(TierContext context) {
        if (context.modelAnswer() != null) {
            return context.modelAnswer();
        }
        ModelTier model = models.getIfAvailable();
        if (model == null) {
            return null;
        }
        try {
            ModelAnswer answer = model.predict(context.ticket().text(), context.ticket().ticketId());
            context.modelAnswer(answer);
            return answer;
        } catch (NoModelException e) {
            return null;
        }
    }

    static @Nullable LabelScore score(@Nullable HeadPrediction head) {
        return head == null ? null : new LabelScore(head.label(), head.confidence());
    }

    static List<LabelScore> candidates(@Nullable HeadPrediction head) {
        return head == null ? List.of() : head.topCandidates().stream()
                .map(c -> new LabelScore(c.label(), c.probability())).limit(3).toList();
    }
}
