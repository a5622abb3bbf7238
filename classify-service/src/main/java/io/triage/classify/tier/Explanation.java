package io.triage.classify.tier;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a ticket was routed as it was, short enough for an agent to read.
 *
 * @param summary         one sentence
 * @param matchedRule     the rule that fired, when rules decided or matched
 * @param matchedText     the text span the rule matched
 * @param similarTickets  nearest historical tickets with their similarity
 * @param strongestNgrams the n-grams that pushed the model hardest towards its label
 * @param passedOver      why each tier asked before the deciding one did not decide, e.g. {@code RULE: rule R7
 *                        matched but no longer short-circuits: …} or {@code CACHE: the model's top candidate …}
 *                        (empty in answers logged before this field)
 */
public record Explanation(String summary, @Nullable String matchedRule, @Nullable String matchedText,
        List<Neighbour> similarTickets, List<String> strongestNgrams, List<String> passedOver) {

    public Explanation {
        similarTickets = List.copyOf(similarTickets);
        strongestNgrams = List.copyOf(strongestNgrams);
        passedOver = passedOver == null ? List.of() : List.copyOf(passedOver);
    }

    /**
     * A similar ticket named in an explanation.
     *
     * @param ticketId   its id
     * @param similarity cosine similarity
     */
    public record Neighbour(String ticketId, double similarity) {
    }
}
