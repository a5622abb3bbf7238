package io.triage.classify.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.triage.classify.taxonomy.Labels;
import io.triage.classify.taxonomy.Taxonomy;
import io.triage.classify.tier.ExperimentArms;
import io.triage.classify.tier.Hashes;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.LlmUsage;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.SimilarTicket;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import io.triage.platform.client.ResilientCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Last tier: an LLM with the cache tier's similar tickets as few-shot examples (zero-shot when the best is below
 * 0.75 or the ticket is in the zero-shot arm). Prompt and schema list the taxonomy's labels as they are at the call
 * (read once per ticket, so the retry asks for the same set). Answers are validated against the strict schema; an
 * invalid answer is retried once, then the ticket goes to review. Off (skipped) while no API key is configured. Fallback when the
 * endpoint is down, slow or its circuit is open: skipped, and the ticket goes to review.
 */
@Component
@Order(40)
class LlmTier implements Tier {

    static final String DOWNSTREAM = "llm";
    private static final Logger log = LoggerFactory.getLogger(LlmTier.class);

    private final LlmClient client;
    private final LlmResponseCache cache;
    private final LlmCosts costs;
    private final ResilientCalls calls;
    private final JsonMapper json;
    private final LlmTierProperties settings;
    private final Taxonomy taxonomy;

    LlmTier(LlmClient client, LlmResponseCache cache, LlmCosts costs, ResilientCalls calls, JsonMapper json,
            LlmTierProperties properties, Taxonomy taxonomy) {
        this.client = client;
        this.cache = cache;
        this.costs = costs;
        this.calls = calls;
        this.json = json;
        this.settings = properties;
        this.taxonomy = taxonomy;
    }

    @Override
    public RoutingMethod method() {
        return RoutingMethod.LLM;
    }

    /** Room for the retry after an invalid answer: two completions, each bounded by the client's timeout. */
    @Override
    public Duration timeout() {
        return settings.timeout().plus(settings.timeout()).plusSeconds(1);
    }

    @Override
    public TierOutcome decide(TierContext context) {
        if (!client.configured()) {
            return new TierOutcome.Skipped("no LLM configured");
        }
        List<SimilarTicket> examples = examples(context);
        String mode = examples.isEmpty() ? ExperimentArms.ZERO_SHOT : ExperimentArms.RAG;
        String user = Prompts.user(context.ticket(), examples);
        Labels labels = taxonomy.current();
        String system = Prompts.system(labels);
        long prompt = 0;
        long completion = 0;
        double cost = 0;
        boolean cached = false;
        Optional<LlmAnswer> answer = Optional.empty();
        for (int attempt = 1; attempt <= 2 && answer.isEmpty(); attempt++) {
            String message = attempt == 1 ? user : user + Prompts.RETRY_NOTE;
            String key = cache.key(client.model(), labels, system, message);
            Optional<Completion> hit = cache.get(key);
            Optional<Completion> answered = hit.isPresent() ? hit : calls.callOrElse(DOWNSTREAM,
                    () -> Optional.of(client.complete(system, message, labels)), LlmTier::unavailable);
            if (answered.isEmpty()) {
                return new TierOutcome.Skipped(DOWNSTREAM + " unavailable (" + calls.state(DOWNSTREAM) + ")");
            }
            Completion response = answered.get();
            answer = AnswerSchema.parse(json, response.content(), labels);
            cached = hit.isPresent();
            if (hit.isEmpty()) {
                prompt += response.promptTokens();
                completion += response.completionTokens();
                cost += costs.cost(response);
                costs.record(client.model(), Hashes.sha256(message), mode, response,
                        answer.isPresent() ? "valid" : "invalid", context);
                if (answer.isPresent()) {
                    cache.put(key, response, sources(context, examples), context.ticket().customerHash());
                }
            } else if (answer.isEmpty()) {
                cache.evict(key);
            } else {
                cache.reused(key, sources(context, examples), context.ticket().customerHash());
            }
        }
        context.llmUsage(new LlmUsage(mode, prompt, completion, cost, cached));
        if (answer.isEmpty()) {
            return new TierOutcome.Undecided("LLM answer broke the response schema twice");
        }
        LlmAnswer llm = answer.get();
        if (llm.confidence() < settings.minConfidence()) {
            return new TierOutcome.Undecided("LLM confidence " + llm.confidence() + " < " + settings.minConfidence());
        }
        LabelScore department = new LabelScore(llm.department(), llm.confidence());
        return new TierOutcome.Decided(department, new LabelScore(llm.urgency(), llm.confidence()),
                new LabelScore(llm.sentiment(), llm.confidence()), List.of(department),
                "LLM (" + mode + ", " + examples.size() + " examples): " + llm.reason());
    }

    private static Optional<Completion> unavailable(Throwable failure) {
        log.warn("LLM tier skipped: {}", failure.toString());
        return Optional.empty();
    }

    /** The tickets a prompt is made from: the ticket itself (when it has an id) and its examples. */
    private static List<String> sources(TierContext context, List<SimilarTicket> examples) {
        List<String> tickets = new ArrayList<>(examples.size() + 1);
        if (context.ticket().ticketId() != null) {
            tickets.add(context.ticket().ticketId());
        }
        examples.forEach(example -> tickets.add(example.ticketId()));
        return tickets;
    }

    /** The labelled neighbours to show, or none for zero-shot. */
    private List<SimilarTicket> examples(TierContext context) {
        List<SimilarTicket> neighbours = context.neighbours();
        if (neighbours == null || neighbours.isEmpty()
                || ExperimentArms.ZERO_SHOT.equals(context.arm(ExperimentArms.RAG_VS_ZERO_SHOT))
                || neighbours.getFirst().similarity() < settings.zeroShotBelow()) {
            return List.of();
        }
        return neighbours.stream().filter(n -> n.department() != null).limit(settings.examples()).toList();
    }
}
