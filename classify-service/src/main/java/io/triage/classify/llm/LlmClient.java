package io.triage.classify.llm;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.triage.classify.taxonomy.Labels;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Chat completions through the OpenAI Java SDK against any OpenAI-compatible endpoint, with the strict response
 * schema of the taxonomy at the call. The SDK's own retries are off: retries and circuit breaking belong to
 * {@code ResilientCalls}, which is why transient SDK failures are rethrown as the platform's transient kind.
 *
 * <p>Each completion is one observation {@value #OBSERVATION} (a span in the ticket's trace, and a timer): the model
 * and the token counts as attributes in the OpenTelemetry GenAI names, never the prompt or the answer (ticket text).
 */
@Component
class LlmClient implements AutoCloseable {

    /** The observation (span and timer) name of one chat completion. */
    static final String OBSERVATION = "llm.chat";

    private final LlmTierProperties settings;
    private final ObservationRegistry observations;
    private final @Nullable OpenAIClient client;
    /** The response format of the last label set asked with; rebuilt only when the taxonomy changed. */
    private final AtomicReference<Format> format = new AtomicReference<>(new Format("", null));

    private record Format(String fingerprint, @Nullable ResponseFormatJsonSchema schema) {
    }

    LlmClient(LlmTierProperties properties, ObservationRegistry observations) {
        this.settings = properties;
        this.observations = observations;
        this.client = settings.configured()
                ? OpenAIOkHttpClient.builder().apiKey(settings.apiKey()).baseUrl(settings.baseUrl())
                        .timeout(settings.timeout()).maxRetries(0).build()
                : null;
    }

    private ResponseFormatJsonSchema format(Labels labels) {
        Format current = format.get();
        if (current.fingerprint().equals(labels.fingerprint()) && current.schema() != null) {
            return current.schema();
        }
        var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        for (Map.Entry<String, Object> entry : AnswerSchema.schema(labels).entrySet()) {
            schema.putAdditionalProperty(entry.getKey(), JsonValue.from(entry.getValue()));
        }
        ResponseFormatJsonSchema built = ResponseFormatJsonSchema.builder().jsonSchema(
                ResponseFormatJsonSchema.JsonSchema.builder().name("ticket_classification").strict(true)
                        .schema(schema.build()).build()).build();
        format.set(new Format(labels.fingerprint(), built));
        return built;
    }

    boolean configured() {
        return client != null;
    }

    String model() {
        return settings.model();
    }

    /** One completion whose answer must follow the response schema of {@code labels}. */
    Completion complete(String system, String user, Labels labels) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(system)
                .addUserMessage(user)
                .temperature(0.0)
                .maxCompletionTokens(settings.maxCompletionTokens())
                .responseFormat(format(labels))
                .build();
        OpenAIClient openAi = client;
        if (openAi == null) {
            throw new IllegalStateException("no LLM configured");
        }
        Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                .contextualName(OBSERVATION)
                .lowCardinalityKeyValue("gen_ai.system", "openai")
                .lowCardinalityKeyValue("gen_ai.operation.name", "chat")
                .lowCardinalityKeyValue("gen_ai.request.model", settings.model());
        return observation.observe(() -> {
            ChatCompletion completion;
            try {
                completion = openAi.chat().completions().create(params);
            } catch (OpenAIIoException | InternalServerException | RateLimitException e) {
                throw new ResourceAccessException("LLM endpoint failed: " + e.getClass().getSimpleName());
            }
            String content = completion.choices().isEmpty() ? ""
                    : completion.choices().getFirst().message().content().orElse("");
            long prompt = completion.usage().map(CompletionUsage::promptTokens).orElse(0L);
            long answer = completion.usage().map(CompletionUsage::completionTokens).orElse(0L);
            // Token counts vary per call: span attributes only (high cardinality), not timer tags.
            observation.highCardinalityKeyValue(KeyValue.of("gen_ai.response.model", completion.model()));
            observation.highCardinalityKeyValue(KeyValue.of("gen_ai.usage.input_tokens", Long.toString(prompt)));
            observation.highCardinalityKeyValue(KeyValue.of("gen_ai.usage.output_tokens", Long.toString(answer)));
            return new Completion(content, prompt, answer);
        });
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
