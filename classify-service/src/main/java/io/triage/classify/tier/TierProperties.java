package io.triage.classify.tier;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tier chain ({@code triage.classify.tiers.*}). The addresses and API keys of rules-engine,
 * embedding-service and audit-service are HTTP service-client groups ({@code spring.http.serviceclient.rules},
 * {@code .embedding}, {@code .audit}).
 *
 * @param rules        the rules tier
 * @param cache        the semantic-cache tier
 * @param model        the ML tier
 * @param llm          the LLM tier (off while no API key is set)
 * @param experiments  A/B experiments
 * @param maxBatch     most tickets one {@code /batch-classify} request may carry
 * @param batchThreads how many tickets of one batch are classified at the same time
 * @param maxTextChars longest subject plus description accepted; longer tickets are refused with 413
 * @param auditRedeliverAfter a decision event not yet delivered to audit-service for this long is sent again
 *                            (audit-service is idempotent on the event id)
 * @param auditRedeliveryInterval how often undelivered decision events are looked for
 */
@ConfigurationProperties("triage.classify.tiers")
public record TierProperties(
        @DefaultValue Rules rules,
        @DefaultValue Cache cache,
        @DefaultValue Model model,
        @DefaultValue Llm llm,
        @DefaultValue Experiments experiments,
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("16") int batchThreads,
        @DefaultValue("20000") int maxTextChars,
        @DefaultValue("30s") Duration auditRedeliverAfter,
        @DefaultValue("15s") Duration auditRedeliveryInterval) {

    /**
     * The rules tier.
     *
     * @param enabled                whether rules-engine is asked at all
     * @param shortCircuitConfidence a matching rule decides (skipping cache, ML and LLM) from this confidence up,
     *                               and only when rules-engine also flags the match as short-circuiting
     * @param timeout                how long the chain waits for rules-engine before skipping the tier
     */
    public record Rules(@DefaultValue("true") boolean enabled,
            @DefaultValue("0.85") double shortCircuitConfidence,
            @DefaultValue("150ms") Duration timeout) {
    }

    /**
     * The semantic-cache tier: reuse the labels of a near-duplicate historical ticket.
     *
     * @param enabled       whether embedding-service is asked at all
     * @param minSimilarity the top-1 neighbour's cosine similarity must reach this
     * @param minAccuracy   the estimated accuracy of reusing that neighbour's label must reach this
     * @param priorHits     pseudo-count of correct reuses every neighbour starts with (Beta prior); with
     *                      {@code priorMisses} it sets the accuracy assumed before any feedback
     * @param priorMisses   pseudo-count of wrong reuses every neighbour starts with
     * @param neighbours    how many similar tickets are fetched (the top one for the cache, all as LLM examples)
     * @param timeout       how long the chain waits for embedding-service before skipping the tier
     */
    public record Cache(@DefaultValue("true") boolean enabled,
            @DefaultValue("0.92") double minSimilarity,
            @DefaultValue("0.85") double minAccuracy,
            @DefaultValue("4.5") double priorHits,
            @DefaultValue("0.5") double priorMisses,
            @DefaultValue("5") int neighbours,
            @DefaultValue("250ms") Duration timeout) {
    }

    /**
     * The ML tier.
     *
     * @param enabled whether the model is consulted as a deciding tier (it still fills heads other tiers leave
     *                open)
     */
    public record Model(@DefaultValue("true") boolean enabled) {
    }

    /**
     * The LLM tier with retrieval-augmented prompting, via any OpenAI-compatible chat-completions endpoint.
     *
     * @param apiKey                    API key; empty (the default) switches the tier off, so tickets no cheaper
     *                                  tier is sure of end as NEEDS_REVIEW. Set it from a secret, e.g.
     *                                  {@code TRIAGE_CLASSIFY_TIERS_LLM_API_KEY}
     * @param baseUrl                   the endpoint's base URL including {@code /v1} (OpenAI, Azure OpenAI, vLLM,
     *                                  Ollama)
     * @param model                     the chat model name
     * @param timeout                   how long one completion may take before the tier is skipped
     * @param minConfidence             the LLM's own confidence below which its answer goes to review instead
     * @param zeroShotBelow             below this best-neighbour similarity the prompt carries no examples
     * @param examples                  how many similar tickets go into the prompt as examples (k)
     * @param cacheTtl                  how long a response stays in the Redis cache (key: model + prompt hash)
     * @param promptPricePerMillion     price of one million prompt tokens, for cost accounting
     * @param completionPricePerMillion price of one million completion tokens
     * @param maxCompletionTokens       upper bound on the completion's length
     */
    public record Llm(@DefaultValue("") String apiKey,
            @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("0.5") double minConfidence,
            @DefaultValue("0.75") double zeroShotBelow,
            @DefaultValue("5") int examples,
            @DefaultValue("24h") Duration cacheTtl,
            @DefaultValue("0.15") double promptPricePerMillion,
            @DefaultValue("0.60") double completionPricePerMillion,
            @DefaultValue("200") int maxCompletionTokens) {

        /** Whether an LLM is configured at all. */
        public boolean configured() {
            return !apiKey.isBlank();
        }
    }

    /**
     * Deterministic A/B assignment by a hash of the ticket id (of the text when there is none).
     *
     * @param directMlShare share of tickets (0–1) that bypass the rules tier (experiment {@code rules-vs-ml});
     *                      0 switches the experiment off
     * @param zeroShotShare share of LLM prompts sent without examples (experiment {@code rag-vs-zero-shot});
     *                      0 switches the experiment off
     */
    public record Experiments(@DefaultValue("0") double directMlShare, @DefaultValue("0") double zeroShotShare) {
    }
}
