package io.triage.classify.cache;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.SentenceVector;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.ModelAnswers;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.SimilarTicket;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import io.triage.platform.client.ResilientCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Second tier: reuse the labels of the nearest labelled historical ticket only when that is shown to be safe
 * (issue 23): its similarity reaches the threshold calibrated for the answering model (never below the 0.92 floor;
 * the floor alone without a calibration for the search's encoder), the {@code agreeing} (3) nearest labelled tickets
 * all carry its department, the model's top department candidate (computed here once per ticket, and read by the
 * later tiers) is the same, and, once it has {@code min-observations} (5) confirmed outcomes, reusing its label has
 * been right often enough (≥ 0.85, from feedback; no prior). Otherwise the tier abstains and says why. The
 * neighbours found here are the LLM's examples. Fallback when embedding-service is down, slow or its circuit is open: the tier is skipped (and
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
    private final CacheCalibrations calibrations;

    CacheTier(SimilarTicketSearch search, ReuseAccuracy accuracy, ResilientCalls calls,
            CacheTierProperties properties, ModelAnswers models, CacheCalibrations calibrations) {
        this.search = search;
        this.calibrations = calibrations;
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
        List<SimilarTicket> labelled = neighbours.stream().filter(n -> n.department() != null).toList();
        if (labelled.isEmpty()) {
            // Tickets still waiting for a validated label (every ticket is indexed as it arrives) have nothing to
            // reuse; the nearest labelled one is judged instead, by the same bars.
            return new TierOutcome.Undecided("none of the " + neighbours.size() + " nearest tickets has a label");
        }
        SimilarTicket top = labelled.getFirst();
        String department = Objects.requireNonNull(top.department(), "labelled");
        // The model's answer is needed for the agreement check, and later tiers read it from the context: computed
        // once per ticket (after the search, so that it can read the search's vector).
        ModelAnswer model = models.answer(context);
        Threshold threshold = threshold(model, answer.get().model());
        if (top.similarity() < threshold.value()) {
            return new TierOutcome.Undecided((top == neighbours.getFirst() ? "nearest" : "nearest labelled")
                    + " ticket " + top.ticketId() + " has similarity " + round(top.similarity()) + " < "
                    + threshold.describe());
        }
        if (labelled.size() < settings.agreeing()) {
            return new TierOutcome.Undecided("only " + labelled.size() + " labelled similar ticket"
                    + (labelled.size() == 1 ? "" : "s") + " found; the " + settings.agreeing()
                    + " nearest must agree before a label is reused");
        }
        List<SimilarTicket> nearest = labelled.subList(0, settings.agreeing());
        List<String> dissent = nearest.stream().filter(n -> !department.equals(n.department()))
                .map(n -> n.ticketId() + " (" + n.department() + ", " + round(n.similarity()) + ")").toList();
        if (!dissent.isEmpty()) {
            return new TierOutcome.Undecided("the " + settings.agreeing() + " nearest labelled tickets disagree: "
                    + top.ticketId() + " says " + department + ", " + String.join(", ", dissent) + " differ");
        }
        HeadPrediction predicted = model == null ? null : model.heads().get("department");
        if (predicted != null && !department.equals(predicted.label())) {
            return new TierOutcome.Undecided("the model's top candidate " + predicted.label() + " ("
                    + round(predicted.confidence()) + ") contradicts " + department + " of the "
                    + settings.agreeing() + " nearest tickets");
        }
        ReuseAccuracy.Observed observed = accuracy.observed(top.ticketId());
        String agreement = "similarity " + round(top.similarity()) + " >= " + threshold.describe() + ", the "
                + settings.agreeing() + " nearest labelled tickets agree"
                + (predicted == null ? " (no model to consult)" : " and so does the model's top candidate");
        double confidence;
        String history;
        if (observed.confirmed() >= settings.minObservations()) {
            if (observed.accuracy() < settings.minAccuracy()) {
                return new TierOutcome.Undecided("reusing " + top.ticketId() + "'s label was right only "
                        + observed.correct() + " of " + observed.confirmed() + " confirmed times ("
                        + round(observed.accuracy()) + " < " + settings.minAccuracy() + ")");
            }
            confidence = observed.accuracy();
            history = "its label was right " + observed.correct() + " of " + observed.confirmed()
                    + " confirmed times";
        } else {
            // No prior: without enough observed outcomes the similarity is the only figure there is.
            confidence = top.similarity();
            history = "its reuse has " + observed.confirmed() + " confirmed outcome"
                    + (observed.confirmed() == 1 ? "" : "s") + " (fewer than " + settings.minObservations()
                    + "), so it is reused on similarity and agreement alone";
        }
        LabelScore reused = new LabelScore(department, confidence);
        return new TierOutcome.Decided(reused,
                top.urgency() == null ? null : new LabelScore(top.urgency(), confidence),
                top.sentiment() == null ? null : new LabelScore(top.sentiment(), confidence),
                List.of(reused), "near-duplicate of " + top.ticketId() + ": " + agreement + "; " + history);
    }

    /**
     * The similarity a reuse needs: the threshold calibrated for the answering model version when it was measured
     * with the search's encoder, never below the configured floor; the floor alone otherwise.
     */
    private Threshold threshold(@Nullable ModelAnswer model, @Nullable String encoder) {
        if (model != null && encoder != null) {
            OptionalDouble calibrated = calibrations.threshold(model.modelVersion(), encoder);
            if (calibrated.isPresent()) {
                return new Threshold(Math.max(settings.minSimilarity(), calibrated.getAsDouble()),
                        model.modelVersion());
            }
        }
        return new Threshold(settings.minSimilarity(), null);
    }

    /** A reuse threshold and the model version it was calibrated for ({@code null}: the fixed one). */
    private record Threshold(double value, @Nullable String calibratedFor) {

        String describe() {
            if (calibratedFor == null) {
                return String.valueOf(value);
            }
            return Double.isInfinite(value)
                    ? "any similarity (model " + calibratedFor + "'s calibration never reached its target precision)"
                    : round(value) + " (calibrated for model " + calibratedFor + ")";
        }
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
