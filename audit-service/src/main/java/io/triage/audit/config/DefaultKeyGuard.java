package io.triage.audit.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with the well-known local keys when {@code triage.audit.allow-default-keys=false}, as the
 * platform does for API keys: a production log signed or pseudonymised with a published key proves nothing, and an
 * archive in a storage account reachable with Azurite's published key is no archive.
 */
@Component
class DefaultKeyGuard implements InitializingBean {

    private final AuditProperties properties;

    DefaultKeyGuard(AuditProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.allowDefaultKeys()) {
            return;
        }
        if (AuditProperties.LOCAL_PSEUDONYM_KEY.equals(properties.pseudonymKey())) {
            throw new IllegalStateException("triage.audit.pseudonym-key is the local default; set a real key");
        }
        if (AuditProperties.LOCAL_CHAIN_KEY.equals(properties.chainKey())) {
            throw new IllegalStateException("triage.audit.chain-key is the local default; set a real key");
        }
        if (!properties.archiver().signing().configured()) {
            throw new IllegalStateException("triage.audit.archiver.signing.private-key is not set; a generated "
                    + "local key is not for production");
        }
        if (AuditProperties.LOCAL_SIGNING_PRIVATE_KEY.equals(properties.signing().privateKey())) {
            throw new IllegalStateException("triage.audit.signing.private-key is the local default; set a real key");
        }
        if (properties.azure().connectionString().contains(AuditProperties.Azure.AZURITE_ACCOUNT_KEY)) {
            throw new IllegalStateException("triage.audit.azure.connection-string holds Azurite's published "
                    + "development key; use the storage account's own key or workload identity");
        }
    }
}
