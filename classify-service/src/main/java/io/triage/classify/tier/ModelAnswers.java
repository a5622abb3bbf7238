package io.triage.classify.tier;

import java.util.List;
import java.util.Optional;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.ModelTier;
import io.triage.classify.model.NoModelException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The in-process model's answer for a ticket, computed at most once per ticket and kept in its {@link TierContext}:
 * the ML tier decides from it, and the chain fills in the heads a deciding tier left open from it. When the cache
 * tier's search returned the ticket's sentence vector ({@link TierContext#sentenceVector()}), the model reads it
 * instead of encoding the text again.
 */
@Component
public class ModelAnswers {

    private final ObjectProvider<ModelTier> models;

    ModelAnswers(ObjectProvider<ModelTier> models) {
        this.models = models;
    }

    /** The model's answer for the ticket in {@code context}; {@code null} when there is no (production) model. */
    public @Nullable ModelAnswer answer(TierContext context) {
        if (context.modelAnswer() != null) {
            return context.modelAnswer();
        }
        ModelTier model = models.getIfAvailable();
        if (model == null) {
            return null;
        }
        try {
            ModelAnswer answer = model.predict(context.ticket().text(), context.ticket().ticketId(),
                    context.sentenceVector());
            context.modelAnswer(answer);
            return answer;
        } catch (NoModelException e) {
            return null;
        }
    }

    /**
     * The embedding-service model whose query vector the production model reads instead of encoding the ticket
     * (the cache tier then asks its search for the vector); empty when there is none or no model.
     */
    public Optional<String> reusableEncoding() {
        ModelTier model = models.getIfAvailable();
        return model == null ? Optional.empty() : model.reusableEncoding();
    }

    /** A head's label with its confidence. */
    public static LabelScore label(HeadPrediction head) {
        return new LabelScore(head.label(), head.confidence());
    }

    /** A head's label with its confidence; {@code null} for no head. */
    public static @Nullable LabelScore score(@Nullable HeadPrediction head) {
        return head == null ? null : label(head);
    }

    /** A head's best candidates, best first (at most three). */
    public static List<LabelScore> candidates(@Nullable HeadPrediction head) {
        return head == null ? List.of() : head.topCandidates().stream()
                .map(c -> new LabelScore(c.label(), c.probability())).limit(3).toList();
    }
}
