package io.triage.systemtests.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every values file keeps the chart's guarantees (HPA 3-20 at 70 % CPU with memory, PDB minAvailable 2, probes,
 * preStop, resources, hardened securityContext, ConfigMap, ServiceMonitor), and the check notices when one is gone:
 * a copy of the chart without its HPA template fails it, which is what makes the build fail on such a chart.
 */
class ChartGuaranteesTests {

    static final List<String> VALUES_FILES = HelmChart.VALUES_FILES;

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void everyDeploymentKeepsTheGuaranteesWith(String valuesFile) {
        List<Map<String, Object>> docs = HelmChart.render(valuesFile);
        assertThat(Manifests.kind(docs, "Deployment")).hasSize(6);
        assertThat(Manifests.kind(docs, "HorizontalPodAutoscaler")).hasSize(4);
        assertThat(ChartGuarantees.violations(docs)).isEmpty();
    }

    @Test
    void aChartWithoutItsHorizontalPodAutoscalersFailsTheCheck() throws IOException {
        Path copy = HelmChart.copy(HelmChart.CHART);
        try {
            Path template = copy.resolve("templates/autoscaling.yaml");
            assertThat(template).exists();
            Files.delete(template);
            List<String> violations = ChartGuarantees.violations(HelmChart.render(copy, "values.yaml", t -> t));
            assertThat(violations).contains("classify-service: no HorizontalPodAutoscaler",
                    "rules-engine: no HorizontalPodAutoscaler", "embedding-service: no HorizontalPodAutoscaler",
                    "ingestion-service: no HorizontalPodAutoscaler",
                    "classify-service: no PodDisruptionBudget of minAvailable 2 selecting its pods");
        } finally {
            HelmChart.delete(copy);
        }
    }

    @Test
    void aServiceTakenOutOfAutoscalingFailsTheCheck() {
        List<Map<String, Object>> docs = HelmChart.render(HelmChart.CHART, "values.yaml",
                t -> t.set("services.rules-engine.autoscaled", "false"));
        assertThat(ChartGuarantees.violations(docs)).contains("rules-engine: no HorizontalPodAutoscaler",
                "rules-engine: fixed replicas on an autoscaled Deployment (each upgrade would reset the HPA's count)");
    }

    @Test
    void aDeploymentWithoutProbesOrLimitsFailsTheCheck() {
        List<Map<String, Object>> docs = HelmChart.render(HelmChart.CHART, "values.yaml",
                t -> t.set("resources.limits", "null").set("containerSecurityContext.readOnlyRootFilesystem", "false"));
        assertThat(ChartGuarantees.violations(docs))
                .contains("Deployment audit-service: no cpu and memory requests with a memory limit")
                .anySatisfy(v -> assertThat(v).startsWith("Deployment gdpr-service: securityContext not hardened"));
    }

    @Test
    void thePodsOfTheAksValuesKeepTheirStoresOutsideEmptyDir() {
        List<Map<String, Object>> docs = HelmChart.render("values-aks.yaml");
        Map<String, Object> embedding = Manifests.kind(docs, "Deployment").stream()
                .filter(d -> "embedding-service".equals(Manifests.name(d))).findFirst().orElseThrow();
        Map<String, Object> pod = Manifests.map(Manifests.map(Manifests.map(embedding, "spec"), "template"), "spec");
        assertThat(Manifests.list(pod, "volumes")).filteredOn(v -> "embedding-index".equals(v.get("name")))
                .singleElement().satisfies(v -> assertThat(Manifests.map(Manifests.map(Manifests.map(v, "ephemeral"),
                        "volumeClaimTemplate"), "spec")).containsEntry("storageClassName", "managed-csi-premium"));
        Map<String, Object> auditEnv = Manifests.map(Manifests.kind(docs, "ConfigMap").stream()
                .filter(c -> "audit-service-env".equals(Manifests.name(c))).findFirst().orElseThrow(), "data");
        assertThat(auditEnv).containsEntry("TRIAGE_AUDIT_ARCHIVE_STORE", "azure")
                .containsEntry("TRIAGE_AUDIT_CHECKPOINT_MIRROR_STORE", "azure");
        assertThat(Manifests.kind(docs, "PersistentVolumeClaim")).isEmpty();

        List<Map<String, Object>> local = HelmChart.render("values-local.yaml");
        assertThat(Manifests.kind(local, "PersistentVolumeClaim")).extracting(Manifests::name)
                .containsExactly("audit-service-archive");
    }
}
