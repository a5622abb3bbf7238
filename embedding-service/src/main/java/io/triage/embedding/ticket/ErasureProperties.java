package io.triage.embedding.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GDPR erasure settings ({@code triage.embedding.erasure.*}).
 *
 * @param customerHashKey HMAC-SHA256 key of the customer hash kept for each erased customer (a secret,
 *     {@code TRIAGE_EMBEDDING_ERASURE_CUSTOMER_HASH_KEY}); the local default is refused where default keys are
 *     forbidden
 */
@ConfigurationProperties("triage.embedding.erasure")
public record ErasureProperties(@DefaultValue(LOCAL_CUSTOMER_HASH_KEY) String customerHashKey) {

    public static final String LOCAL_CUSTOMER_HASH_KEY = "local-embedding-customer-hash-key-NOT-FOR-PRODUCTION";

    @Override
    public String toString() {
        return "ErasureProperties[customerHashKey=<hidden>]";
    }
}
