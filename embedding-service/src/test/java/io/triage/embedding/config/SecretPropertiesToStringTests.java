package io.triage.embedding.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.triage.embedding.model.OpenAiProperties;
import io.triage.embedding.store.QdrantProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Configuration records holding secrets print everything but the secret (issue 19, item 11). */
class SecretPropertiesToStringTests {

    private static final String SECRET = "s3cr3t-MARKER-4711";

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    @Test
    void theQdrantApiKeyIsHidden() {
        String shown = bind("triage.embedding.qdrant", QdrantProperties.class,
                Map.of("triage.embedding.qdrant.api-key", SECRET, "triage.embedding.qdrant.host", "qdrant.test"))
                .toString();

        assertThat(shown).doesNotContain(SECRET).contains("apiKey=<hidden>").contains("host=qdrant.test");
    }

    @Test
    void theOpenAiApiKeyIsHidden() {
        String shown = bind("triage.embedding.openai", OpenAiProperties.class,
                Map.of("triage.embedding.openai.api-key", SECRET)).toString();

        assertThat(shown).doesNotContain(SECRET).contains("apiKey=<hidden>").contains("text-embedding-3-small");
    }
}
