package io.triage.systemtests.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * helm lint and helm template pass for every values file, and every rendered manifest is one the Kubernetes 1.34 API
 * (and the CRDs of cert-manager, the Prometheus Operator and the Secrets Store CSI driver) accepts; a manifest with
 * an unknown field, a wrong type or an unknown kind does not pass.
 */
class ChartSchemaTests {

    static final List<String> VALUES_FILES = HelmChart.VALUES_FILES;

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void theChartIsLintCleanWith(String valuesFile) {
        LintResult lint = HelmChart.lint(valuesFile);
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void everyRenderedManifestMatchesTheKubernetesSchemaWith(String valuesFile) {
        List<Map<String, Object>> docs = HelmChart.render(valuesFile);
        assertThat(docs).extracting(doc -> doc.get("kind"))
                .contains("Deployment", "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor",
                        "ClusterIssuer", "Ingress", "NetworkPolicy", "Job");
        List<String> violations = docs.stream().flatMap(doc -> KubernetesSchema.violations(doc).stream()).toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void theAksValuesRenderTheKeyVaultSecretProviderClasses() {
        List<Map<String, Object>> docs = HelmChart.render("values-aks.yaml");
        assertThat(Manifests.kind(docs, "SecretProviderClass")).hasSize(6)
                .allSatisfy(spc -> assertThat(KubernetesSchema.violations(spc)).isEmpty());
    }

    @Test
    void anUnknownFieldInADeploymentIsRefused() {
        Map<String, Object> deployment = deployment();
        Manifests.map(Manifests.map(deployment, "spec"), "strategy").put("maxUnavailabel", 0);
        assertThat(KubernetesSchema.violations(deployment))
                .singleElement().asString().contains("Deployment classify-service", "maxUnavailabel");
    }

    @Test
    void anUnknownFieldDeepInAPodTemplateIsRefused() {
        Map<String, Object> deployment = deployment();
        container(deployment).put("readinesProbe", Map.of("periodSeconds", 5));
        assertThat(KubernetesSchema.violations(deployment)).singleElement().asString().contains("readinesProbe");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        Map<String, Object> words = deployment();
        container(words).put("ports", List.of(Map.of("name", "http", "containerPort", "eighty")));
        assertThat(KubernetesSchema.violations(words)).isNotEmpty();

        Map<String, Object> quoted = deployment();
        Manifests.map(Manifests.map(quoted, "spec"), "template").put("spec", withGracePeriod(quoted, "45"));
        assertThat(KubernetesSchema.violations(quoted)).as("a quoted number where the API wants an integer")
                .singleElement().asString().contains("terminationGracePeriodSeconds");

        Map<String, Object> number = deployment();
        container(number).put("env", List.of(Map.of("name", "PORT", "value", 8080)));
        assertThat(KubernetesSchema.violations(number)).as("a number where the API wants a string")
                .singleElement().asString().contains("value");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        Map<String, Object> deployment = deployment();
        container(deployment).remove("name");
        assertThat(KubernetesSchema.violations(deployment)).singleElement().asString().contains("name");
    }

    @Test
    void anUnknownKindOrVersionIsRefused() {
        Map<String, Object> hpa = new HashMap<>(Manifests.kind(HelmChart.render("values.yaml"),
                "HorizontalPodAutoscaler").getFirst());
        hpa.put("apiVersion", "autoscaling/v2beta2"); // removed in Kubernetes 1.26
        assertThat(KubernetesSchema.violations(hpa)).singleElement().asString().contains("no such kind");
    }

    @Test
    void customResourcesAreCheckedAgainstTheirCrds() {
        Map<String, Object> monitor = copy(Manifests.kind(HelmChart.render("values.yaml"), "ServiceMonitor")
                .getFirst());
        Map<String, Object> endpoint = Manifests.list(Manifests.map(monitor, "spec"), "endpoints").getFirst();
        endpoint.put("bearerToken", "plain-text-key");
        endpoint.put("interval", "15 seconds");
        assertThat(KubernetesSchema.violations(monitor)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("bearerToken"))
                .anySatisfy(v -> assertThat(v).contains("interval"));

        Map<String, Object> issuer = copy(Manifests.kind(HelmChart.render("values.yaml"), "ClusterIssuer").getFirst());
        Manifests.map(Manifests.map(issuer, "spec"), "acme").remove("privateKeySecretRef");
        assertThat(KubernetesSchema.violations(issuer)).singleElement().asString().contains("privateKeySecretRef");
    }

    private static Map<String, Object> withGracePeriod(Map<String, Object> deployment, Object seconds) {
        Map<String, Object> pod = new HashMap<>(Manifests.map(Manifests.map(Manifests.map(deployment, "spec"),
                "template"), "spec"));
        pod.put("terminationGracePeriodSeconds", seconds);
        return pod;
    }

    /** A deep, mutable copy of classify-service's Deployment as rendered with the defaults. */
    private static Map<String, Object> deployment() {
        return copy(Manifests.kind(HelmChart.render("values.yaml"), "Deployment").stream()
                .filter(d -> "classify-service".equals(Manifests.name(d))).findFirst().orElseThrow());
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return Manifests.list(Manifests.map(Manifests.map(Manifests.map(deployment, "spec"), "template"), "spec"),
                "containers").getFirst();
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T yaml) {
        if (yaml instanceof Map<?, ?> map) {
            Map<String, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return (T) copy;
        }
        if (yaml instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return (T) copy;
        }
        return yaml;
    }
}
