package io.triage.gdpr.config;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gdpr-service settings ({@code triage.gdpr.*}). The stores' addresses and credentials are HTTP service-client
 * groups ({@code spring.http.serviceclient.<store>.base-url}, {@code default-header.X-API-Key}).
 *
 * @param redeliverAfter an erasure whose delivery to a store has not succeeded for this long is delivered again
 *     (at least once; the stores are idempotent)
 * @param stores the stores an erasure must reach before the request is complete: {@code ingestion} (tickets and
 *     their clean copies; always first, as its receipt names the erased tickets), {@code embedding} (vectors in
 *     Postgres and the index), {@code classify} (decisions, feedback, cached LLM answers) and {@code audit} (plain
 *     ticket and user ids of the audit log). A store left out is never called and not waited for
 * @param deadline how long after it was requested an erasure is due (GDPR Art. 12(3): one month); shown as the
 *     request's {@code dueAt}, and an open request past it counts in {@code gdpr_requests_overdue}
 * @param dueSoonAfter an open request older than this (and not yet overdue) counts in {@code gdpr_requests_due_soon}
 * @param customerHashKey HMAC-SHA256 key of the customer-id hash kept with a request once every store has answered
 *     (the plain id is then removed). A secret ({@code TRIAGE_GDPR_CUSTOMER_HASH_KEY}); the local default is refused
 *     at start when {@code triage.platform.security.allow-default-keys=false}. Changing it breaks the link between
 *     old hashes and customer ids (a later "was this customer erased?" can then not be answered for older requests)
 */
@ConfigurationProperties("triage.gdpr")
public record GdprProperties(
        @DefaultValue("30s") Duration redeliverAfter,
        @DefaultValue({"ingestion", "embedding", "classify", "audit"}) Set<String> stores,
        @DefaultValue("30d") Duration deadline,
        @DefaultValue("25d") Duration dueSoonAfter,
        @DefaultValue(LOCAL_CUSTOMER_HASH_KEY) String customerHashKey) {

    /** Local default customer-hash key; refused when {@code triage.platform.security.allow-default-keys=false}. */
    public static final String LOCAL_CUSTOMER_HASH_KEY = "local-gdpr-customer-hash-key-NOT-FOR-PRODUCTION";

    @Override
    public String toString() {
        return "GdprProperties[redeliverAfter=" + redeliverAfter + ", stores=" + stores + ", deadline=" + deadline
                + ", dueSoonAfter=" + dueSoonAfter + "]";
    }
}
