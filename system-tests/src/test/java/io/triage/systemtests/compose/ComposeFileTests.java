package io.triage.systemtests.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml covers the suite (issue 20 part 6) and keeps matching the services' configuration; each check
 * is seen to fail on a copy of the file (and of grafana/) broken in one way.
 */
class ComposeFileTests {

    private static final Path COMPOSE = ComposeFile.ROOT.resolve("docker-compose.yml");

    @TempDir
    Path copy;

    @Test
    void theComposeFileKeepsEveryGuarantee() {
        assertThat(ComposeFile.load(COMPOSE).violations(ComposeFile.ROOT)).isEmpty();
    }

    @Test
    void everyServiceModuleIsFound() {
        assertThat(ServiceModule.inReactor(ComposeFile.ROOT)).extracting(ServiceModule::name).containsExactly(
                "rules-engine", "classify-service", "embedding-service", "ingestion-service", "audit-service",
                "gdpr-service", "console");
    }

    @Test
    void environmentNamesAreThoseOfTheServicesOwnConfiguration() {
        List<ServiceModule> modules = ServiceModule.inReactor(ComposeFile.ROOT);
        EnvironmentNames embedding = names(modules, "embedding-service");
        EnvironmentNames rules = names(modules, "rules-engine");
        EnvironmentNames classify = names(modules, "classify-service");

        assertThat(embedding.understands("TRIAGE_EMBEDDING_QDRANT_HOST")).as("its @ConfigurationProperties").isTrue();
        assertThat(rules.understands("TRIAGE_EMBEDDING_QDRANT_HOST")).as("another service's property").isFalse();
        assertThat(classify.understands("TRIAGE_RULES_ENGINE_URL")).as("a placeholder of its application.yml")
                .isTrue();
        assertThat(rules.understands("TRIAGE_DB_ADMIN_USER")).as("a placeholder of the platform defaults").isTrue();
        assertThat(rules.understands("SPRING_DATASOURCE_URL")).as("Spring Boot's metadata").isTrue();
        assertThat(rules.understands("SPRING_DATASOURCE_URI")).as("a typo").isFalse();
        assertThat(rules.understands("TRIAGE_PLATFORM_SECURITY_API_KEYS_3_KEY_SHA256")).as("a list of records")
                .isTrue();
        assertThat(rules.understands("TRIAGE_PLATFORM_SECURITY_API_KEYS_3_PASSWORD")).isFalse();
    }

    @Test
    void aMissingServiceFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> services(compose).remove("console"));
        assertThat(violations).containsExactly("console: no compose service");
    }

    @Test
    void aPortOtherThanTheServersPortFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> service(compose, "rules-engine").put("ports", List.of("8081:8091")));
        assertThat(violations).containsExactly("rules-engine: publishes [8081:8091] but its server.port is 8081");
    }

    @Test
    void anEnvironmentVariableTheServiceDoesNotReadFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> {
            environment(compose, "embedding-service").put("TRIAGE_EMBEDDING_MINILM_THREAD", "2");
            // Valid for classify-service, which reads it; rules-engine does not.
            environment(compose, "rules-engine").put("TRIAGE_RULES_EVALUATION", "local");
            // Valid as a platform key list, but the record has no such component.
            environment(compose, "audit-service").put("TRIAGE_PLATFORM_SECURITY_API_KEYS_0_SECRET", "x");
        });
        assertThat(violations).containsExactlyInAnyOrder(
                "embedding-service: environment variable TRIAGE_EMBEDDING_MINILM_THREAD names no property of its "
                        + "configuration",
                "rules-engine: environment variable TRIAGE_RULES_EVALUATION names no property of its configuration",
                "audit-service: environment variable TRIAGE_PLATFORM_SECURITY_API_KEYS_0_SECRET names no property of "
                        + "its configuration");
    }

    @Test
    void aServiceUrlAtTheWrongPortFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> {
            environment(compose, "gdpr-service").put("TRIAGE_AUDIT_URL", "http://audit-service:8085");
            environment(compose, "classify-service").put("TRIAGE_RULES_ENGINE_URL", "http://rules:8081");
            service(compose, "saas-simulators").put("command",
                    List.of("--jira.webhook-url=http://ingestion-service:8080/webhooks/jira"));
        });
        assertThat(violations).containsExactlyInAnyOrder(
                "gdpr-service: TRIAGE_AUDIT_URL points at http://audit-service:8085 but audit-service listens on 8084",
                "classify-service: TRIAGE_RULES_ENGINE_URL points at http://rules:8081, which is no compose service",
                "saas-simulators: --jira.webhook-url points at http://ingestion-service:8080/webhooks/jira but "
                        + "ingestion-service listens on 8083");
    }

    @Test
    void aServiceWithoutHealthCheckOrHealthyPostgresFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> {
            service(compose, "gdpr-service").remove("healthcheck");
            service(compose, "audit-service").put("depends_on", Map.of("postgres", Map.of("condition",
                    "service_started")));
            service(compose, "classify-service").put("depends_on", Map.of("postgres", Map.of("condition",
                    "service_healthy")));
        });
        assertThat(violations).containsExactlyInAnyOrder(
                "gdpr-service: no health check on http://127.0.0.1:8085/actuator/health/readiness",
                "audit-service: does not wait for postgres to be healthy (depends_on condition service_healthy)",
                "classify-service: does not wait for redis to be healthy (depends_on condition service_healthy)");
    }

    @Test
    void aServiceBuiltOrConnectedWronglyFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> {
            Yamls.map(service(compose, "rules-engine"), "build").put("args", Map.of("SERVICE", "console"));
            environment(compose, "audit-service").put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/triage");
            environment(compose, "classify-service").put("SPRING_DATA_REDIS_HOST", "localhost");
            environment(compose, "embedding-service").put("TRIAGE_EMBEDDING_STORE", "lucene");
            Yamls.map(service(compose, "embedding-service"), "depends_on").put("qdrant",
                    Map.of("condition", "service_started"));
        });
        assertThat(violations).containsExactlyInAnyOrder(
                "rules-engine: not built from its module (build.args.SERVICE rules-engine)",
                "audit-service: SPRING_DATASOURCE_URL does not name the postgres service",
                "classify-service: SPRING_DATA_REDIS_HOST does not name the redis service",
                "embedding-service: TRIAGE_EMBEDDING_STORE cannot be switched to qdrant from the environment",
                "embedding-service: depends on qdrant without required: false (fails without the profile)");
    }

    @Test
    void aMonitoringStackWiredWronglyFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> {
            environment(compose, "grafana").put("PROMETHEUS_URL", "http://localhost:9090");
            service(compose, "grafana").put("volumes", List.of("./grafana/provisioning:/etc/grafana/provisioning:ro",
                    "./grafana/dashboards:/var/lib/grafana/dashboards:ro"));
            service(compose, "prometheus").put("volumes", List.of(
                    "./grafana/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                    "./grafana/prometheus/local-scrape-key:/etc/prometheus/secrets/triage-scrape-key:ro"));
            service(compose, "alertmanager").put("volumes",
                    List.of("./grafana/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro"));
        });
        assertThat(violations).containsExactlyInAnyOrder(
                "grafana: PROMETHEUS_URL is 'http://localhost:9090', not the prometheus service",
                "grafana: PROMETHEUS_URL points at http://localhost:9090, which is no compose service",
                "grafana: the dashboards provider reads /var/lib/grafana/dashboards/triage, where grafana/dashboards "
                        + "is not mounted",
                "prometheus: rule_files do not load grafana/alerts/triage-alerts.yml",
                "alertmanager: global.slack_api_url_file /etc/alertmanager/secrets/slack-webhook-url is not mounted "
                        + "from a file",
                "alertmanager: receivers[0].pagerduty_configs[0].routing_key_file "
                        + "/etc/alertmanager/secrets/pagerduty-routing-key is not mounted from a file");
    }

    @Test
    void aServiceThatPrometheusDoesNotScrapeFailsTheCheck() throws IOException {
        List<String> violations = brokenFiles(Map.of("grafana/prometheus/prometheus.yml",
                new String[] {"- targets: ['audit-service:8084']", "- targets: ['audit-service:9084']"}));
        assertThat(violations).containsExactly(
                "prometheus: no scrape target audit-service:8084 labelled application=audit-service");
    }

    @Test
    void aScrapeKeyTheServicesDoNotAcceptFailsTheCheck() throws IOException {
        copyGrafana();
        Files.writeString(copy.resolve("grafana/prometheus/local-scrape-key"), "local-analyst-key");
        Files.copy(COMPOSE, copy.resolve("docker-compose.yml"));
        assertThat(ComposeFile.load(copy.resolve("docker-compose.yml")).violations(ComposeFile.ROOT))
                .contains("prometheus: its key is not accepted with role OPS by classify-service",
                        "prometheus: its key is not accepted with role OPS by console");
    }

    @Test
    void grafanaWithoutItsProvisioningFailsTheCheck() throws IOException {
        copyGrafana();
        ComposeCopies.delete(copy.resolve("grafana/provisioning"));
        Files.copy(COMPOSE, copy.resolve("docker-compose.yml"));
        assertThat(ComposeFile.load(copy.resolve("docker-compose.yml")).violations(ComposeFile.ROOT)).contains(
                "grafana: grafana/provisioning (dashboards, datasources) not mounted at /etc/grafana/provisioning",
                "grafana: mounts " + copy.resolve("grafana/provisioning") + " at /etc/grafana/provisioning, which "
                        + "does not exist");
    }

    @Test
    void qdrantOutsideItsProfileOrMisnamedFailsTheCheck() throws IOException {
        List<String> violations = broken(compose -> {
            service(compose, "qdrant").remove("profiles");
            environment(compose, "embedding-service").put("TRIAGE_EMBEDDING_QDRANT_PORT", "6333");
            environment(compose, "embedding-service").put("TRIAGE_EMBEDDING_QDRANT_HOST", "vectors");
        });
        assertThat(violations).containsExactlyInAnyOrder("qdrant: not under the profile qdrant",
                "embedding-service: TRIAGE_EMBEDDING_QDRANT_HOST does not name the qdrant service",
                "embedding-service: TRIAGE_EMBEDDING_QDRANT_PORT 6333 is not qdrant's gRPC port 6334");
    }

    private static EnvironmentNames names(List<ServiceModule> modules, String name) {
        return EnvironmentNames.of(modules.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(),
                ComposeFile.ROOT);
    }

    private List<String> broken(ComposeCopies.Edit edit) throws IOException {
        copyGrafana();
        Path file = ComposeCopies.edited(COMPOSE, copy, edit);
        return ComposeFile.load(file).violations(ComposeFile.ROOT);
    }

    private List<String> brokenFiles(Map<String, String[]> replacements) throws IOException {
        copyGrafana();
        for (Map.Entry<String, String[]> replacement : replacements.entrySet()) {
            ComposeCopies.replace(copy.resolve(replacement.getKey()), replacement.getValue()[0],
                    replacement.getValue()[1]);
        }
        Files.copy(COMPOSE, copy.resolve("docker-compose.yml"));
        return ComposeFile.load(copy.resolve("docker-compose.yml")).violations(ComposeFile.ROOT);
    }

    private void copyGrafana() throws IOException {
        ComposeCopies.copyTree(ComposeFile.ROOT.resolve("grafana"), copy.resolve("grafana"));
    }

    private static Map<String, Object> services(Map<String, Object> compose) {
        return Yamls.map(compose, "services");
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return Yamls.map(services(compose), name);
    }

    private static Map<String, Object> environment(Map<String, Object> compose, String name) {
        return Yamls.map(service(compose, name), "environment");
    }
}
