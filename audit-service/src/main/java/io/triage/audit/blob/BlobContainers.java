package io.triage.audit.blob;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.triage.audit.config.AuditProperties;

/**
 * Builds the clients of the account in {@code triage.audit.azure}: with the connection string when one is set
 * (Azurite, development), otherwise with Entra ID ({@code DefaultAzureCredential}: workload or managed identity)
 * against the endpoint. Calls go through the JDK's HttpClient.
 */
public final class BlobContainers {

    private BlobContainers() {
    }

    /** A write-once container of the configured account, with the given protection of each blob. */
    public static WriteOnceContainer writeOnce(AuditProperties.Azure azure, String container, Protection protection) {
        return new WriteOnceContainer(client(azure, container), protection, azure.requireImmutableStorage(),
                azure.timeout());
    }

    static BlobContainerClient client(AuditProperties.Azure azure, String container) {
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                .httpClient(new JdkHttpClientBuilder().build());
        if (!azure.connectionString().isBlank()) {
            builder.connectionString(azure.connectionString());
        } else if (!azure.endpoint().isBlank()) {
            DefaultAzureCredentialBuilder credential = new DefaultAzureCredentialBuilder();
            if (!azure.managedIdentityClientId().isBlank()) {
                credential.managedIdentityClientId(azure.managedIdentityClientId());
            }
            builder.endpoint(azure.endpoint()).credential(credential.build());
        } else {
            throw new IllegalStateException("an azure store needs triage.audit.azure.endpoint (Entra ID) or "
                    + "triage.audit.azure.connection-string");
        }
        return builder.buildClient().getBlobContainerClient(container);
    }
}
