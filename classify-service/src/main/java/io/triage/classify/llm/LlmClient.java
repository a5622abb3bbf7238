package io.triage.classify.llm;

import java.util.Map;

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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Chat completions through the OpenAI Java SDK against any OpenAI-compatible endpoint, with the strict response
 * schema. The SDK's own retries are off: retries and circuit breaking belong to {@code ResilientCalls}, which is why
 * transient SDK failures are rethrown as the platform's transient kind.
 */
@Component
class LlmClient implements AutoCloseable {

    private final LlmTierProperties settings;
    private final @Nullable OpenAIClient client;
    private final ResponseFormatJsonSchema format;

    LlmClient(LlmTierProperties properties) {
        this.settings = properties;
        this.client = settings.configured()
                ? OpenAIOkHttpClient.builder().apiKey(settings.apiKey()).baseUrl(settings.baseUrl())
                        .timeout(settings.timeout()).maxRetries(0).build()
                : null;
        var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        for (Map.Entry<String, Object> entry : AnswerSchema.schema().entrySet()) {
            schema.putAdditionalProperty(entry.getKey(), JsonValue.from(entry.getValue()));
        }
        this.format = ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                .name("ticket_classification").strict(true).schema(schema.build()).build()).build();
    }

    boolean configured() {
        return client != null;
    }

    String model() {
        return settings.model();
    }

    Completion complete(String system, String user) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(system)
                .addUserMessage(user)
                .temperature(0.0)
                .maxCompletionTokens(settings.maxCompletionTokens())
                .responseFormat(format)
                .build();
        OpenAIClient openAi = client;
        if (openAi == null) {
            throw new IllegalStateException("no LLM configured");
        }
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
        return new Completion(content, prompt, answer);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
