package io.triage.classify.llm;

import java.time.Duration;

import io.triage.platform.SecretMasking;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LLM tier with retrieval-augmented prompting, via any OpenAI-compatible chat-completions endpoint ({@code
 * triage.classify.tiers.llm.*}).
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
@ConfigurationProperties("triage.classify.tiers.llm")
public record LlmTierProperties(@DefaultValue("") String apiKey,
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

    @Override
    public String toString() {
        return SecretMasking.toString(this, "apiKey");
    }

    /** Whether an LLM is configured at all. */
    public boolean configured() {
        return !apiKey.isBlank();
    }
}
