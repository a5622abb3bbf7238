package io.triage.classify.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.triage.classify.lifecycle.mlflow.MlflowProperties;
import io.triage.classify.llm.LlmTierProperties;
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
    void theLlmApiKeyIsHidden() {
        String shown = bind("triage.classify.tiers.llm", LlmTierProperties.class,
                Map.of("triage.classify.tiers.llm.api-key", SECRET)).toString();

        assertThat(shown).doesNotContain(SECRET).contains("apiKey=<hidden>").contains("model=gpt-4o-mini");
    }

    @Test
    void theMlflowTokenAndPasswordAreHidden() {
        String shown = bind("triage.classify.models.mlflow", MlflowProperties.class,
                Map.of("triage.classify.models.mlflow.tracking-uri", "https://mlflow.example.test",
                        "triage.classify.models.mlflow.token", SECRET + "-token",
                        "triage.classify.models.mlflow.username", "svc",
                        "triage.classify.models.mlflow.password", SECRET + "-password")).toString();

        assertThat(shown).doesNotContain(SECRET).contains("token=<hidden>").contains("password=<hidden>")
                .contains("username=svc").contains("https://mlflow.example.test");
    }
}
