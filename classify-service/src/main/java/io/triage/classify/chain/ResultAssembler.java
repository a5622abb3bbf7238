package io.triage.classify.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.tier.ClassificationResult;
import io.triage.classify.tier.Explanation;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.ModelAnswers;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.RuleMatch;
import io.triage.classify.tier.SimilarTicket;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a finished pass through the chain into the answer: fills the heads the deciding tier left open from the
 * model (rules give no sentiment), gathers candidates for review, and writes the explanation.
 */
@Component
class ResultAssembler {

    private static final int SHOWN = 3;

    private final ModelAnswers model;

    ResultAssembler(ModelAnswers model) {
        this.model = model;
    }

    ClassificationResult assemble(UUID decisionId, TierContext context, RoutingMethod method,
            TierOutcome.@Nullable Decided decided, List<String> doubts, double millis) {
        ModelAnswer answer = decided == null ? context.modelAnswer() : completeWithModel(context, method, decided);
        Explanation explanation = explanation(context, decided, doubts, answer);
        String modelVersion = answer == null ? null : answer.modelVersion();
        if (decided == null) {
            return new ClassificationResult(decisionId, context.ticket().ticketId(), RoutingMethod.NEEDS_REVIEW,
                    null, null, null, List.of(), candidates(context, answer), context.ruleSetVersion(),
                    modelVersion, explanation, context.skipped(), context.experimentArms(), millis);
        }
        LabelScore urgency = decided.urgency() != null ? decided.urgency() : head(answer, "urgency");
        LabelScore sentiment = decided.sentiment() != null ? decided.sentiment() : head(answer, "sentiment");
        List<LabelScore> alternatives = decided.alternatives().isEmpty() && answer != null
                ? ModelAnswers.candidates(answer.heads().get("department"))
                : decided.alternatives();
        return new ClassificationResult(decisionId, context.ticket().ticketId(), method, decided.department(),
                urgency, sentiment, alternatives, Map.of(), context.ruleSetVersion(), modelVersion, explanation,
                context.skipped(), context.experimentArms(), millis);
    }

    /**
     * The model's answer when the deciding tier left a head open, or a rule decided (its department is logged beside
     * the rule's, to compare them); the model is fast and in-process.
     */
    private @Nullable ModelAnswer completeWithModel(TierContext context, RoutingMethod method,
            TierOutcome.Decided decided) {
        if (decided.urgency() != null && decided.sentiment() != null && method != RoutingMethod.RULE) {
            return context.modelAnswer();
        }
        long start = System.nanoTime();
        ModelAnswer answer = model.answer(context);
        context.latency(RoutingMethod.ML, (System.nanoTime() - start) / 1_000);
        return answer;
    }

    private static @Nullable LabelScore head(@Nullable ModelAnswer answer, String head) {
        return answer == null ? null : ModelAnswers.score(answer.heads().get(head));
    }

    private static Map<String, List<LabelScore>> candidates(TierContext context, @Nullable ModelAnswer answer) {
        List<LabelScore> departments = new ArrayList<>();
        List<LabelScore> urgencies = new ArrayList<>();
        List<LabelScore> sentiments = new ArrayList<>();
        RuleMatch rule = context.ruleMatch();
        if (rule != null) {
            departments.add(new LabelScore(rule.department(), rule.confidence()));
            if (rule.urgency() != null) {
                urgencies.add(new LabelScore(rule.urgency(), rule.confidence()));
            }
        }
        List<SimilarTicket> neighbours = context.neighbours();
        if (neighbours != null && !neighbours.isEmpty() && neighbours.getFirst().department() != null) {
            departments.add(new LabelScore(neighbours.getFirst().department(), neighbours.getFirst().similarity()));
        }
        if (answer != null) {
            departments.addAll(ModelAnswers.candidates(answer.heads().get("department")));
            urgencies.addAll(ModelAnswers.candidates(answer.heads().get("urgency")));
            sentiments.addAll(ModelAnswers.candidates(answer.heads().get("sentiment")));
        }
        Map<String, List<LabelScore>> candidates = new LinkedHashMap<>();
        candidates.put("department", best(departments));
        candidates.put("urgency", best(urgencies));
        candidates.put("sentiment", best(sentiments));
        return candidates;
    }

    /** Distinct labels, each with its highest confidence, best first. */
    private static List<LabelScore> best(List<LabelScore> scores) {
        Map<String, LabelScore> byLabel = new LinkedHashMap<>();
        for (LabelScore score : scores) {
            byLabel.merge(score.label(), score, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
        return byLabel.values().stream().sorted(Comparator.comparingDouble(LabelScore::confidence).reversed())
                .limit(SHOWN).toList();
    }

    private static Explanation explanation(TierContext context, TierOutcome.@Nullable Decided decided,
            List<String> doubts, @Nullable ModelAnswer answer) {
        String summary = decided != null ? decided.summary()
                : "No tier was sure" + (doubts.isEmpty() ? "" : " (" + String.join("; ", doubts) + ")")
                        + "; a person should decide";
        RuleMatch rule = context.ruleMatch();
        List<SimilarTicket> neighbours = context.neighbours() == null ? List.of() : context.neighbours();
        List<Explanation.Neighbour> similar = neighbours.stream().limit(SHOWN)
                .map(n -> new Explanation.Neighbour(n.ticketId(), Math.round(n.similarity() * 1000) / 1000.0))
                .toList();
        HeadPrediction department = answer == null ? null : answer.heads().get("department");
        List<String> ngrams = department == null ? List.of()
                : department.strongestNgrams().stream().limit(5).toList();
        return new Explanation(summary, rule == null ? null : rule.ruleId(), rule == null ? null : rule.matchedText(),
                similar, ngrams, decided == null ? List.of() : doubts);
    }
}
