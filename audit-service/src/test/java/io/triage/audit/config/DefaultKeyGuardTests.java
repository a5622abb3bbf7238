package io.triage.audit.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DefaultKeyGuardTests {

    static final String AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
            + AuditProperties.Azure.AZURITE_ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    static DefaultKeyGuard guard(Map<String, String> overrides) {
        Map<String, String> production = new HashMap<>(Map.of(
                "triage.audit.allow-default-keys", "false",
                "triage.audit.pseudonym-key", "production-pseudonym-key",
                "triage.audit.chain-key", "production-chain-key",
                "triage.audit.signing.private-key", "production-signing-key",
                "triage.audit.archiver.signing.private-key", "production-archiver-key",
                "triage.audit.archive.store", "azure"));
        production.putAll(overrides);
        return new DefaultKeyGuard(new Binder(new MapConfigurationPropertySource(production))
                .bind("triage.audit", AuditProperties.class).get());
    }

    @Test
    void productionStartsWithItsOwnStorageAccount() {
        assertThatCode(() -> guard(Map.of("triage.audit.azure.endpoint", "https://triageaudit.blob.core.windows.net"))
                .afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void productionRefusesAzuritesPublishedAccountKey() {
        assertThatThrownBy(() -> guard(Map.of("triage.audit.azure.connection-string", AZURITE)).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Azurite");
    }

    @Test
    void developmentMayUseAzurite() {
        assertThatCode(() -> guard(Map.of("triage.audit.azure.connection-string", AZURITE,
                "triage.audit.allow-default-keys", "true")).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
