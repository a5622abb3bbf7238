package io.triage.testsupport;

/** The well-known local API keys (service-platform's defaults), one per role, for tests. */
public final class ApiKeys {

    public static final String HEADER = "X-API-Key";
    public static final String ADMIN = "local-admin-key";
    public static final String CLASSIFIER = "local-classifier-key";
    public static final String ANALYST = "local-analyst-key";
    public static final String OPS = "local-ops-key";
    public static final String COMPLIANCE = "local-compliance-key";

    private ApiKeys() {
    }
}
