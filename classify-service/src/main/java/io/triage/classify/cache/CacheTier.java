package io.triage.classify.cache;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.triage.classify.model.SentenceVector;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.ModelAnswers;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.SimilarTicket;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import io.triage.platform.client.ResilientCalls;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Second tier: reuse the labels of the nearest historical ticket when it is a near-duplicate (similarity ≥ 0.92)
 * and reusing its label has been right often enough (≥ 0.85, from feedback). The neighbours found here are the
 * LLM's examples. Fallback when embedding-service is down, slow or its circuit is open: the tier is skipped (and
 * the LLM prompts zero-shot).
 *
 * <p>When the production model's encoder gives embedding-service's vectors (trained with the MiniLM encoder), the
 * search also asks for the query's vector and keeps it in the {@link TierContext}, so the ML tier reads it instead
 * of encoding the ticket a second time (one encoding per ticket). A skipped search leaves the model to encode.
 */
@Component
@Order(20)
class CacheTier implements Tier {

    static final String DOWNSTREAM = "embedding-service";

    private final SimilarTicketSearch search;
    private final ReuseAccuracy accuracy;
    private final ResilientCalls calls;
    private final CacheTierProperties settings;
    private final ModelAnswers models;

    CacheTier(SimilarTicketSearch search, ReuseAccuracy accuracy, ResilientCalls calls,
            CacheTierProperties properties, ModelAnswers models) {
        this.search = search;
        this.models = models;
        this.accuracy = accuracy;
        this.calls = calls;
        this.settings = properties;
    }

    @Override
    public RoutingMethod method() {
        return RoutingMethod.CACHE;
    }

    @Override
    public Duration timeout() {
        return settings.timeout();
    }

    @Override
    public TierOutcome decide(TierContext context) {
        if (!settings.enabled()) {
            return new TierOutcome.Skipped("switched off by configuration");
        }
        String self = context.ticket().ticketId();
        // The query's vector only when the production model can read it instead of encoding the ticket again.
        Optional<String> reusable = models.reusableEncoding();
        // One extra neighbour, because a ticket embedded before it is classified finds itself first.
        SimilarTicketSearch.Query query = new SimilarTicketSearch.Query(context.ticket().text(),
                settings.neighbours() + 1, reusable.isPresent() ? Boolean.TRUE : null);
        Optional<SimilarTicketSearch.Matches> answer = calls.callOrElse(DOWNSTREAM,
                () -> Optional.ofNullable(search.search(query)), failure -> Optional.empty());
        if (answer.isEmpty()) {
            return new TierOutcome.Skipped(DOWNSTREAM + " unavailable (" + calls.state(DOWNSTREAM) + ")");
        }
        keepVector(context, reusable, answer.get());
        List<SimilarTicketSearch.Match> found = answer.get().matches();
        List<SimilarTicket> neighbours = (found == null ? List.<SimilarTicketSearch.Match>of() : found).stream()
                .filter(m -> !Objects.equals(m.ticketId(), self))
                .limit(settings.neighbours())
                .map(CacheTier::similar)
                .toList();
        context.neighbours(neighbours);
        if (neighbours.isEmpty()) {
            return new TierOutcome.Undecided("no similar ticket");
        }
        SimilarTicket top = neighbours.getFirst();
        if (top.similarity() < settings.minSimilarity()) {
            return new TierOutcome.Undecided("nearest ticket " + top.ticketId() + " has similarity "
                    + round(top.similarity()) + " < " + settings.minSimilarity());
        }
        if (top.department() == null) {
            // Tickets still waiting for a validated label (every ticket is indexed as it arrives) have nothing to
            // reuse; the nearest labelled one is judged instead, by the same bars.
            Optional<SimilarTicket> labelled = neighbours.stream().filter(n -> n.department() != null).findFirst();
            if (labelled.isEmpty()) {
                return new TierOutcome.Undecided("none of the " + neighbours.size() + " nearest tickets has a label");
            }
            top = labelled.get();
            if (top.similarity() < settings.minSimilarity()) {
                return new TierOutcome.Undecided("nearest labelled ticket " + top.ticketId() + " has similarity "
                        + round(top.similarity()) + " < " + settings.minSimilarity());
            }
        }
        double estimate = accuracy.estimate(top.ticketId());
        if (estimate < settings.minAccuracy()) {
            return new TierOutcome.Undecided("reusing " + top.ticketId() + "'s label is right only "
                    + round(estimate) + " of the time (< " + settings.minAccuracy() + ")");
        }
        LabelScore department = new LabelScore(Objects.requireNonNull(top.department(), "chosen as labelled"),
                estimate);
        return new TierOutcome.Decided(department,
                top.urgency() == null ? null : new LabelScore(top.urgency(), estimate),
                top.sentiment() == null ? null : new LabelScore(top.sentiment(), estimate),
                List.of(department), "near-duplicate of " + top.ticketId() + " (similarity " + round(top.similarity())
                        + "), whose label was right " + round(estimate) + " of the time");
    }

    /** Keeps the query's vector for the ML tier when it is the one the production model reads. */
    private static void keepVector(TierContext context, Optional<String> reusable,
            SimilarTicketSearch.Matches answer) {
        String model = answer.model();
        float[] vector = answer.vector();
        if (model != null && vector != null && reusable.filter(model::equals).isPresent()) {
            context.sentenceVector(new SentenceVector(model, vector));
        }
    }

    private static SimilarTicket similar(SimilarTicketSearch.Match match) {
        SimilarTicketSearch.Metadata labels = match.metadata() == null
                ? new SimilarTicketSearch.Metadata(null, null, null) : match.metadata();
        return new SimilarTicket(match.ticketId(), match.similarity(), labels.department(), labels.urgency(),
                labels.sentiment(), match.text());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
