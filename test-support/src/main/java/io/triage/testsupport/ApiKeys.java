package io.triage.testsupport;

/**
 * The well-known local API keys (service-platform's defaults), one per role, for tests: people and external systems,
 * then each service's own identity (the key it presents to the others).
 */
public final class ApiKeys {

    public static final String HEADER = "X-API-Key";
    public static final String ADMIN = "local-admin-key";
    public static final String CLASSIFIER = "local-classifier-key";
    public static final String ANALYST = "local-analyst-key";
    public static final String OPS = "local-ops-key";
    public static final String AGENT = "local-agent-key";
    public static final String COMPLIANCE = "local-compliance-key";
    public static final String CLASSIFY_SERVICE = "local-classify-service-key";
    public static final String INGESTION_SERVICE = "local-ingestion-service-key";
    public static final String EMBEDDING_SERVICE = "local-embedding-service-key";
    public static final String GDPR_SERVICE = "local-gdpr-service-key";

    private ApiKeys() {
    }
}
