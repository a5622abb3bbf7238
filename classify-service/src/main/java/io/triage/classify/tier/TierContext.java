package io.triage.classify.tier;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.SentenceVector;
import org.jspecify.annotations.Nullable;

/**
 * Facts gathered about one ticket while it passes the tiers, so that a later tier reuses what an earlier one
 * fetched (the LLM's examples are the cache tier's neighbours) and the explanation can cite every tier.
 * Used by one request at a time.
 */
public final class TierContext {

    private final UUID decisionId;
    private final SanitisedTicket ticket;
    private final Map<String, String> experimentArms;
    private final List<SkippedTier> skipped = new ArrayList<>();
    private final Map<RoutingMethod, Long> latenciesMicros = new EnumMap<>(RoutingMethod.class);
    private volatile @Nullable RuleMatch ruleMatch;
    private volatile @Nullable String ruleSetVersion;
    private volatile @Nullable List<SimilarTicket> neighbours;
    private volatile @Nullable SentenceVector sentenceVector;
    private volatile @Nullable ModelAnswer modelAnswer;
    private volatile @Nullable LlmUsage llmUsage;

    public TierContext(SanitisedTicket ticket, Map<String, String> experimentArms) {
        this(UUID.randomUUID(), ticket, experimentArms);
    }

    /** {@code decisionId} is the id the decision will be logged under, known before any tier runs. */
    public TierContext(UUID decisionId, SanitisedTicket ticket, Map<String, String> experimentArms) {
        this.decisionId = decisionId;
        this.ticket = ticket;
        this.experimentArms = Map.copyOf(experimentArms);
    }

    /** The id the decision is logged under, so a tier's side records (LLM calls) can name it. */
    public UUID decisionId() {
        return decisionId;
    }

    public SanitisedTicket ticket() {
        return ticket;
    }

    /** The ticket's arm in {@code experiment}, or {@code null} when the experiment is off. */
    public @Nullable String arm(String experiment) {
        return experimentArms.get(experiment);
    }

    public Map<String, String> experimentArms() {
        return experimentArms;
    }

    public @Nullable RuleMatch ruleMatch() {
        return ruleMatch;
    }

    public void ruleMatch(RuleMatch match) {
        this.ruleMatch = match;
    }

    /** The rule-set version rules-engine evaluated (also when no rule fired). */
    public @Nullable String ruleSetVersion() {
        return ruleSetVersion;
    }

    public void ruleSetVersion(@Nullable String version) {
        this.ruleSetVersion = version;
    }

    /** The similar tickets found by the cache tier, most similar first; {@code null} when none were searched. */
    public @Nullable List<SimilarTicket> neighbours() {
        return neighbours;
    }

    public void neighbours(List<SimilarTicket> found) {
        this.neighbours = List.copyOf(found);
    }

    /**
     * The ticket text's sentence vector as embedding-service encoded it for the cache tier's search (asked for only
     * when the production model can read it), so the ML tier need not encode the text again; {@code null} otherwise.
     */
    public @Nullable SentenceVector sentenceVector() {
        return sentenceVector;
    }

    public void sentenceVector(SentenceVector vector) {
        this.sentenceVector = vector;
    }

    public @Nullable ModelAnswer modelAnswer() {
        return modelAnswer;
    }

    public void modelAnswer(ModelAnswer answer) {
        this.modelAnswer = answer;
    }

    public @Nullable LlmUsage llmUsage() {
        return llmUsage;
    }

    public void llmUsage(LlmUsage usage) {
        this.llmUsage = usage;
    }

    /** Notes that {@code tier} could not be asked for this ticket, and why. */
    public void skipped(RoutingMethod tier, String reason) {
        skipped.add(new SkippedTier(tier, reason));
    }

    public List<SkippedTier> skipped() {
        return List.copyOf(skipped);
    }

    /** Adds time spent in {@code tier} for this ticket. */
    public void latency(RoutingMethod tier, long micros) {
        latenciesMicros.merge(tier, micros, Long::sum);
    }

    public Map<RoutingMethod, Long> latenciesMicros() {
        return Map.copyOf(latenciesMicros);
    }
}
