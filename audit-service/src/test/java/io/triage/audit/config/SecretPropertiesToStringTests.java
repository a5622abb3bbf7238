package io.triage.audit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;


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
    void thePseudonymAndChainKeysAndTheAzureConnectionStringAreHidden() {
        String shown = bind("triage.audit", AuditProperties.class,
                Map.of("triage.audit.pseudonym-key", SECRET + "-pseudonym", "triage.audit.chain-key", SECRET + "-chain",
                        "triage.audit.azure.connection-string", "DefaultEndpointsProtocol=https;AccountKey=" + SECRET,
                        "triage.audit.archiver.password", SECRET + "-archiver")).toString();

        assertThat(shown).doesNotContain(SECRET).contains("pseudonymKey=<hidden>").contains("chainKey=<hidden>")
                .contains("maxBatchSize=1000");
    }
}
