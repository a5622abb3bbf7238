package io.triage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart as rendered by helm itself (helm-java): every pod runs hardened (non-root, read-only root
 * filesystem with emptyDirs for the writable paths, no privilege escalation, no capabilities, seccomp
 * RuntimeDefault), talks to Postgres with verified TLS, and may reach only what the egress NetworkPolicy allows;
 * the public ingress routes only the ticketing systems' calls, the administrative APIs an opt-in, restricted one.
 */
class ChartSecurityTests {

    private static final Path CHART = Path.of("..", "helm", "triage");

    @Test
    void everyDeploymentAndMigrationJobRunsHardened() {
        List<Map<String, Object>> workloads = render(t -> t).stream()
                .filter(doc -> List.of("Deployment", "Job").contains(doc.get("kind"))).toList();
        assertThat(workloads).hasSize(12); // six services, each a Deployment and a migration Job
        for (Map<String, Object> workload : workloads) {
            String name = workload.get("kind") + " " + map(workload, "metadata").get("name");
            Map<String, Object> pod = map(map(map(workload, "spec"), "template"), "spec");
            Map<String, Object> podContext = map(pod, "securityContext");
            assertThat(podContext).as(name).containsEntry("runAsNonRoot", true);
            assertThat(map(podContext, "seccompProfile")).as(name).containsEntry("type", "RuntimeDefault");
            List<String> emptyDirs = list(pod, "volumes").stream().filter(v -> v.containsKey("emptyDir"))
                    .map(v -> (String) v.get("name")).toList();
            List<Map<String, Object>> containers = new ArrayList<>(list(pod, "containers"));
            containers.addAll(list(pod, "initContainers"));
            for (Map<String, Object> container : containers) {
                Map<String, Object> context = map(container, "securityContext");
                assertThat(context).as(name).containsEntry("runAsNonRoot", true)
                        .containsEntry("readOnlyRootFilesystem", true)
                        .containsEntry("allowPrivilegeEscalation", false);
                assertThat(map(context, "seccompProfile")).as(name).containsEntry("type", "RuntimeDefault");
                List<Object> dropped = new ArrayList<>((List<?>) map(context, "capabilities").get("drop"));
                assertThat(dropped).as(name).containsExactly("ALL");
                assertThat(list(container, "volumeMounts"))
                        .as(name + ": /tmp and the working directory are writable emptyDirs")
                        .filteredOn(m -> emptyDirs.contains(m.get("name")))
                        .extracting(m -> m.get("mountPath")).contains("/tmp", "/var/lib/triage");
                String url = env(container, "SPRING_DATASOURCE_URL");
                assertThat(url).as(name).contains("sslmode=verify-full").contains("sslrootcert=/etc/triage/db-ca/");
                assertThat(list(container, "volumeMounts")).as(name + ": the database CA is mounted")
                        .extracting(m -> m.get("mountPath")).contains("/etc/triage/db-ca");
            }
        }
    }

    @Test
    void egressIsLimitedToDnsTheServicesTheStoresAndConfiguredCidrs() {
        List<Map<String, Object>> policies = render(t -> t
                .set("networkPolicy.egress.extra[0].cidr", "20.190.128.0/18")
                .set("networkPolicy.egress.extra[0].ports[0]", "443")).stream()
                .filter(doc -> "NetworkPolicy".equals(doc.get("kind")))
                .filter(doc -> ((List<?>) map(doc, "spec").get("policyTypes")).contains("Egress")).toList();
        assertThat(policies).hasSize(1);
        Map<String, Object> spec = map(policies.getFirst(), "spec");
        assertThat(map(map(spec, "podSelector"), "matchLabels")).containsEntry("app.kubernetes.io/part-of", "triage");
        List<Map<String, Object>> rules = list(spec, "egress");
        assertThat(rules).allSatisfy(rule -> assertThat(list(rule, "to")).isNotEmpty());
        List<Object> ports = rules.stream().flatMap(rule -> list(rule, "ports").stream())
                .map(port -> port.get("port")).toList();
        assertThat(ports).contains(53, 5432, 6380, 8080, 8085, 443);
        List<Object> cidrs = rules.stream().flatMap(rule -> list(rule, "to").stream())
                .filter(to -> to.containsKey("ipBlock")).map(to -> map(to, "ipBlock").get("cidr")).toList();
        assertThat(cidrs).contains("20.190.128.0/18").doesNotContain("0.0.0.0/0");
    }

    @Test
    void jwtModeGivesEveryServiceTheAudienceAndTheRoleNamespace() {
        List<Map<String, Object>> deployments = render(t -> t).stream()
                .filter(doc -> "Deployment".equals(doc.get("kind"))).toList();
        assertThat(deployments).isNotEmpty().allSatisfy(deployment -> {
            Map<String, Object> container = list(map(map(map(deployment, "spec"), "template"), "spec"),
                    "containers").getFirst();
            assertThat(env(container, "TRIAGE_PLATFORM_SECURITY_MODE")).isEqualTo("jwt");
            assertThat(env(container, "TRIAGE_PLATFORM_SECURITY_JWT_AUDIENCES")).isNotBlank();
            assertThat(env(container, "TRIAGE_PLATFORM_SECURITY_JWT_ROLE_PREFIX")).isEqualTo("triage.");
        });
    }

    @Test
    void thePublicIngressRoutesOnlyWhatATicketingSystemCalls() {
        List<Map<String, Object>> ingresses = render(t -> t).stream()
                .filter(doc -> "Ingress".equals(doc.get("kind"))).toList();
        assertThat(ingresses).hasSize(1);
        assertThat(paths(ingresses.getFirst()))
                .containsExactlyInAnyOrder("/classify", "/batch-classify", "/feedback", "/webhooks");
    }

    @Test
    void theAdminIngressIsOptInAndOpenOnlyToTheAllowedNetworks() {
        List<Map<String, Object>> admin = render(t -> t.set("ingress.admin.enabled", "true")
                .set("ingress.admin.allowedSourceRanges[0]", "10.20.0.0/16")).stream()
                .filter(doc -> "Ingress".equals(doc.get("kind")))
                .filter(doc -> "triage-admin".equals(map(doc, "metadata").get("name"))).toList();
        assertThat(admin).hasSize(1);
        assertThat(map(map(admin.getFirst(), "metadata"), "annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/whitelist-source-range", "10.20.0.0/16");
        assertThat(paths(admin.getFirst())).contains("/rules", "/search", "/audit", "/gdpr", "/models")
                .doesNotContain("/classify", "/webhooks");
        assertThatThrownBy(() -> render(t -> t.set("ingress.admin.enabled", "true")))
                .as("an admin ingress open to every network is refused")
                .hasMessageContaining("allowedSourceRanges");
    }

    private static List<Object> paths(Map<String, Object> ingress) {
        return list(map(ingress, "spec"), "rules").stream()
                .flatMap(rule -> list(map(rule, "http"), "paths").stream()).map(path -> path.get("path")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> options) {
        // Migration Jobs as plain manifests: helm-java returns the release manifest, which leaves hooks out.
        String manifests = options.apply(new Helm(CHART).template().withName("triage")
                .set("migrations.helmHook", "false")).call();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(manifests)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add((Map<String, Object>) map);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static String env(Map<String, Object> container, String variable) {
        return list(container, "env").stream().filter(e -> variable.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))).findFirst().orElse("");
    }
}
