package io.triage.systemtests.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        assertThat(Manifests.kind(docs, "Deployment")).extracting(Manifests::name).hasSize(7).contains("console");
        assertThat(Manifests.kind(docs, "HorizontalPodAutoscaler")).extracting(Manifests::name)
                .containsExactlyInAnyOrder("classify-service", "rules-engine", "ingestion-service");
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
                    "rules-engine: no HorizontalPodAutoscaler", "ingestion-service: no HorizontalPodAutoscaler",
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
    void everyServiceSamplesTracesAsConfigured() {
        assertThat(Manifests.kind(HelmChart.render("values.yaml"), "ConfigMap"))
                .filteredOn(c -> Manifests.name(c).endsWith("-env")).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(c -> assertThat(Manifests.map(c, "data"))
                        .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1"));
        assertThat(Manifests.kind(HelmChart.render(HelmChart.CHART, "values.yaml",
                t -> t.set("tracing.samplingProbability", "1.0")), "ConfigMap"))
                .filteredOn(c -> Manifests.name(c).endsWith("-env")).isNotEmpty()
                .allSatisfy(c -> assertThat(Manifests.map(c, "data"))
                        .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0"));
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

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void embeddingServiceWithItsLuceneIndexRunsOnePodWithoutAutoscalerOrBudgetWith(String valuesFile) {
        List<Map<String, Object>> docs = HelmChart.render(valuesFile);
        assertThat(ChartGuarantees.luceneIndexPerPod(docs)).isTrue();
        assertThat(Manifests.map(deployment(docs, "embedding-service"), "spec")).containsEntry("replicas", 1);
        assertThat(Manifests.kind(docs, "HorizontalPodAutoscaler")).extracting(Manifests::name)
                .doesNotContain("embedding-service");
        assertThat(Manifests.kind(docs, "PodDisruptionBudget")).extracting(Manifests::name)
                .doesNotContain("embedding-service");
    }

    @Test
    void embeddingServiceWithQdrantAutoscalesLikeTheOthers() {
        List<Map<String, Object>> docs = HelmChart.render(HelmChart.CHART, "values-aks.yaml", t -> t
                .set("services.embedding-service.env.TRIAGE_EMBEDDING_STORE", "qdrant")
                .set("services.embedding-service.autoscaled", "true"));
        assertThat(ChartGuarantees.luceneIndexPerPod(docs)).isFalse();
        assertThat(Manifests.kind(docs, "HorizontalPodAutoscaler")).extracting(Manifests::name)
                .contains("embedding-service");
        assertThat(Manifests.kind(docs, "PodDisruptionBudget")).extracting(Manifests::name)
                .contains("embedding-service");
        assertThat(Manifests.map(deployment(docs, "embedding-service"), "spec")).doesNotContainKey("replicas");
        assertThat(ChartGuarantees.violations(docs)).isEmpty();
    }

    @Test
    void embeddingServiceWithQdrantButNotAutoscaledFailsTheCheck() {
        List<Map<String, Object>> docs = HelmChart.render(HelmChart.CHART, "values.yaml",
                t -> t.set("services.embedding-service.env.TRIAGE_EMBEDDING_STORE", "qdrant"));
        assertThat(ChartGuarantees.violations(docs)).contains("embedding-service: no HorizontalPodAutoscaler");
    }

    @Test
    void autoscalingEmbeddingServiceWithItsLuceneIndexFailsToRender() {
        assertThatThrownBy(() -> HelmChart.render(HelmChart.CHART, "values-aks.yaml",
                t -> t.set("services.embedding-service.autoscaled", "true")))
                .hasMessageContaining("services.embedding-service.autoscaled")
                .hasMessageContaining("TRIAGE_EMBEDDING_STORE=qdrant");
        assertThatThrownBy(() -> HelmChart.render(HelmChart.CHART, "values.yaml",
                t -> t.set("services.embedding-service.replicas", "2")))
                .hasMessageContaining("services.embedding-service.replicas")
                .hasMessageContaining("TRIAGE_EMBEDDING_STORE=qdrant");
    }

    @Test
    void anAutoscalerOnTheLuceneEmbeddingServiceFailsTheCheck() {
        List<Map<String, Object>> qdrant = HelmChart.render(HelmChart.CHART, "values.yaml", t -> t
                .set("services.embedding-service.env.TRIAGE_EMBEDDING_STORE", "qdrant")
                .set("services.embedding-service.autoscaled", "true"));
        List<Map<String, Object>> docs = new ArrayList<>(HelmChart.render("values.yaml"));
        docs.addAll(qdrant.stream().filter(d -> "embedding-service".equals(Manifests.name(d))
                && List.of("HorizontalPodAutoscaler", "PodDisruptionBudget").contains(d.get("kind"))).toList());
        assertThat(ChartGuarantees.violations(docs)).contains(
                "embedding-service (Lucene index per pod): a HorizontalPodAutoscaler would add pods with indexes of "
                        + "their own",
                "embedding-service (Lucene index per pod): a PodDisruptionBudget on one pod blocks every node drain");
    }

    @Test
    void theAuditServiceWithItsArchiveOnAReadWriteOnceVolumeIsRecreatedNotRolled() {
        Map<String, Object> local = Manifests.map(deployment(HelmChart.render("values-local.yaml"), "audit-service"),
                "spec");
        assertThat(local).containsEntry("replicas", 1);
        assertThat(Manifests.map(local, "strategy")).isEqualTo(Map.of("type", "Recreate"));

        Map<String, Object> blob = Manifests.map(deployment(HelmChart.render("values-aks.yaml"), "audit-service"),
                "spec");
        assertThat(Manifests.map(blob, "strategy")).containsEntry("type", "RollingUpdate")
                .containsEntry("rollingUpdate", Map.of("maxUnavailable", 0, "maxSurge", 1));

        List<Map<String, Object>> shared = HelmChart.render(HelmChart.CHART, "values-local.yaml",
                t -> t.set("auditArchive.accessMode", "ReadWriteMany"));
        assertThat(Manifests.map(Manifests.map(deployment(shared, "audit-service"), "spec"), "strategy"))
                .containsEntry("type", "RollingUpdate");
        assertThat(ChartGuarantees.violations(shared)).isEmpty();
    }

    @Test
    void aReadWriteOnceArchiveWithMoreThanOneAuditPodFailsToRender() {
        assertThatThrownBy(() -> HelmChart.render(HelmChart.CHART, "values-local.yaml",
                t -> t.set("services.audit-service.replicas", "2")))
                .hasMessageContaining("services.audit-service.replicas")
                .hasMessageContaining("ReadWriteOnce");
    }

    @Test
    void recreateIsAcceptedOnlyForAPodHoldingAReadWriteOnceVolume() {
        List<Map<String, Object>> docs = HelmChart.render(HelmChart.CHART, "values.yaml", t -> t);
        Manifests.map(deployment(docs, "classify-service"), "spec").put("strategy", Map.of("type", "Recreate"));
        assertThat(ChartGuarantees.violations(docs)).contains("Deployment classify-service: strategy Recreate "
                + "without a ReadWriteOnce PersistentVolumeClaim that forces it");

        List<Map<String, Object>> local = HelmChart.render(HelmChart.CHART, "values-local.yaml", t -> t);
        Manifests.map(deployment(local, "audit-service"), "spec").put("strategy",
                Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxUnavailable", 0, "maxSurge", 1)));
        assertThat(ChartGuarantees.violations(local)).anySatisfy(v -> assertThat(v)
                .startsWith("Deployment audit-service: rolling update of a pod holding a ReadWriteOnce"));
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> docs, String name) {
        return Manifests.kind(docs, "Deployment").stream().filter(d -> name.equals(Manifests.name(d))).findFirst()
                .orElseThrow();
    }
}
