package io.triage.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import io.triage.platform.migration.MigrateAndExitConfiguration;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults shared by every service, at the lowest precedence so that a service's application.yml, environment
 * variables and Helm values override any of them. Kept here once instead of in six application.yml files.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "triagePlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.threads.virtual.enabled", true);
        // ProblemDetailsAdvice renders every error; Boot's own handler would shadow it.
        defaults.put("spring.mvc.problemdetails.enabled", false);
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.autoconfigure.exclude",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration");
        // JSON logs; Micrometer Tracing puts traceId/spanId into the MDC, which the ECS format writes out.
        defaults.put("logging.structured.format.console", "ecs");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", true);
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.roles", "OPS,ADMIN");
        // Request latency as a histogram, so p95 per service and endpoint can be aggregated over pods
        // (grafana/dashboards, alert TriageApiLatencyHigh); the SLO boundaries make the 2 s alert and the 200 ms
        // /classify budget exact buckets, the expected range keeps it to a few dozen buckets per series.
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", true);
        defaults.put("management.metrics.distribution.slo.http.server.requests", "100ms,200ms,500ms,1s,2s");
        defaults.put("management.metrics.distribution.minimum-expected-value.http.server.requests", "5ms");
        defaults.put("management.metrics.distribution.maximum-expected-value.http.server.requests", "10s");
        // No trace exemplars in the scrape: Debian bookworm's Prometheus 2.42 refuses a target's whole scrape once a
        // timer's _count carries one ("metric name …_count does not support exemplars"; seen by ObservabilityIT).
        // Traces stay linked through the logs' traceId; set sampled-traces where the Prometheus accepts them.
        defaults.put("management.tracing.exemplars.include", "none");
        tracing(defaults);
        // OTLP export stays off until an endpoint is configured (traces) or it is switched on (metrics).
        defaults.put("management.otlp.metrics.export.enabled", false);
        defaults.put("management.opentelemetry.logging.export.otlp.enabled", false);
        // Each service names its schema once (triage.platform.schema); the rest follows from it.
        defaults.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/triage?logServerErrorDetail=false");
        defaults.put("spring.datasource.username", "${triage.platform.schema}_app");
        defaults.put("spring.datasource.hikari.schema", "${triage.platform.schema}");
        // pgjdbc would quote the row's values ("Key (email)=(…) already exists") in every constraint violation's
        // message, and so in logged stack traces; the constraint name and SQL state stay.
        defaults.put("spring.datasource.hikari.data-source-properties[logServerErrorDetail]", false);
        defaults.put("spring.flyway.schemas", "${triage.platform.schema}");
        defaults.put("spring.flyway.default-schema", "${triage.platform.schema}");
        // Per-schema folders, so several services can share one classpath (tests, benchmarks) without clashing.
        defaults.put("spring.flyway.locations",
                "classpath:db/platform,classpath:db/migration/${triage.platform.schema}");
        defaults.put("spring.flyway.placeholders.app_role", "${spring.datasource.username}");
        defaults.put("spring.flyway.create-schemas", true);
        // event_publication belongs to the shared first migration; the service role may not create tables.
        defaults.put("spring.modulith.events.jdbc.schema-initialization.enabled", false);
        defaults.put("spring.flyway.user", "${TRIAGE_DB_ADMIN_USER:postgres}");
        defaults.put("spring.flyway.password", "${TRIAGE_DB_ADMIN_PASSWORD:}");
        databaseTimeouts(defaults);
        // Calls between services without timeouts of their own (spring.http.serviceclient.<group>.*) are bounded.
        defaults.put("spring.http.clients.connect-timeout", "${triage.platform.http.connect-timeout:2s}");
        defaults.put("spring.http.clients.read-timeout", "${triage.platform.http.read-timeout:30s}");
        defaults.put("spring.datasource.hikari.maximum-pool-size", 10);
        // Six services share one server: idle connections are given back instead of held at the maximum.
        defaults.put("spring.datasource.hikari.minimum-idle", 2);
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        if (environment.getProperty(MigrateAndExitConfiguration.PROPERTY, Boolean.class, false)) {
            // The migration step serves nothing.
            defaults.put("spring.main.web-application-type", "none");
        }
        localApiKeys(defaults);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    /**
     * Traces: one in ten traces recorded (the decision is taken where a trace starts and followed by every service
     * it reaches, so a trace is whole or absent); spans go out over OTLP once
     * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set. JDBC spans for connections and
     * statements (datasource-micrometer), without result-set spans, and never with the statements' parameter
     * values, which hold ticket text and customer ids; the SQL itself has placeholders only.
     */
    private static void tracing(Map<String, Object> defaults) {
        defaults.put("management.tracing.sampling.probability", 0.1);
        defaults.put("jdbc.includes", "connection,query");
        defaults.put("jdbc.datasource-proxy.include-parameter-values", false);
        defaults.put("jdbc.datasource-proxy.query.enable-logging", false);
        defaults.put("jdbc.datasource-proxy.slow-query.enable-logging", false);
    }

    /**
     * Server-side limits on every pooled connection, so a runaway query or a lock wait cannot hold a connection (and
     * its caller) indefinitely: pgjdbc's {@code options} sets {@code statement_timeout} and {@code lock_timeout} when
     * the connection opens; its socket and connect timeouts (seconds) end a connection to an unresponsive server.
     * Data-source properties rather than URL parameters, so a deployment's own {@code SPRING_DATASOURCE_URL} keeps
     * them. Flyway's connections (the administrator's) are not from this pool, so long migrations are not cut.
     */
    private static void databaseTimeouts(Map<String, Object> defaults) {
        String properties = "spring.datasource.hikari.data-source-properties";
        defaults.put(properties + "[options]",
                "-c statement_timeout=${triage.platform.database.statement-timeout:60s}"
                        + " -c lock_timeout=${triage.platform.database.lock-timeout:10s}");
        defaults.put(properties + "[socketTimeout]", "${triage.platform.database.socket-timeout-seconds:120}");
        defaults.put(properties + "[connectTimeout]", "${triage.platform.database.connect-timeout-seconds:10}");
    }

    /** The well-known local keys; production replaces the list and sets allow-default-keys=false. */
    private static void localApiKeys(Map<String, Object> defaults) {
        String[][] keys = {
                {"local-admin", "local-admin-key", "ADMIN"},
                {"local-classifier", "local-classifier-key", "CLASSIFIER"},
                {"local-analyst", "local-analyst-key", "ANALYST"},
                {"local-ops", "local-ops-key", "OPS"},
                {"local-agent", "local-agent-key", "AGENT"},
                {"local-compliance", "local-compliance-key", "COMPLIANCE"},
                // Each service's own identity, presented when it calls another service (spring.http.serviceclient).
                {"classify-service", "local-classify-service-key", "CLASSIFY_SERVICE"},
                {"ingestion-service", "local-ingestion-service-key", "INGESTION_SERVICE"},
                {"embedding-service", "local-embedding-service-key", "EMBEDDING_SERVICE"},
                {"gdpr-service", "local-gdpr-service-key", "GDPR_SERVICE"}};
        for (int i = 0; i < keys.length; i++) {
            String prefix = "triage.platform.security.api-keys[" + i + "].";
            defaults.put(prefix + "name", keys[i][0]);
            defaults.put(prefix + "key", keys[i][1]);
            defaults.put(prefix + "roles", keys[i][2]);
        }
    }
}
