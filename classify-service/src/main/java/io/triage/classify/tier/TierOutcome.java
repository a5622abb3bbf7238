package io.triage.classify.tier;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What one tier made of a ticket: a confident decision, no confident answer, or it could not be asked. */
public sealed interface TierOutcome {

    /**
     * The tier is sure: the chain stops here.
     *
     * @param department   the department with the tier's confidence
     * @param urgency      the urgency, when the tier gives one (others are filled in by the model)
     * @param sentiment    the sentiment, when the tier gives one
     * @param alternatives the best department candidates, best first (at most three)
     * @param summary      one sentence for the explanation
     */
    record Decided(LabelScore department, @Nullable LabelScore urgency, @Nullable LabelScore sentiment,
            List<LabelScore> alternatives, String summary) implements TierOutcome {

        public Decided {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * The tier answered but is not sure enough; the next tier is asked.
     *
     * @param reason why not
     */
    record Undecided(String reason) implements TierOutcome {
    }

    /**
     * The tier could not be asked (down, slow, open circuit, not configured).
     *
     * @param reason why
     */
    record Skipped(String reason) implements TierOutcome {
    }
}
