package io.triage.classify.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secret behind the customer hash ({@code triage.classify.*}).
 *
 * @param customerHashKey HMAC-SHA256 key of the customer hash in the decision log (environment
 *     {@code TRIAGE_CLASSIFY_CUSTOMER_HASH_KEY} in production, at least 32 characters). Without it nobody can
 *     recompute a customer's hash from a guessed id. The well-known local default is refused when
 *     {@code triage.platform.security.allow-default-keys=false}. Changing it makes the rows hashed under the old key
 *     unreachable by customer id (an erasure still finds them by their ticket ids), so it is kept for the decision
 *     log's lifetime
 */
@ConfigurationProperties("triage.classify")
public record CustomerHashProperties(@DefaultValue(LOCAL_CUSTOMER_HASH_KEY) String customerHashKey) {

    /** Local default key; refused when {@code triage.platform.security.allow-default-keys=false}. */
    public static final String LOCAL_CUSTOMER_HASH_KEY = "local-classify-customer-hash-key-NOT-FOR-PRODUCTION";

    @Override
    public String toString() {
        return "CustomerHashProperties[customerHashKey=<hidden>]";
    }
}
