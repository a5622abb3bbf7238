package io.triage.systemtests.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The Key Vault option (values-aks.yaml): each service's SecretProviderClass syncs exactly the keys its pods read into
 * its own Secret, from vault objects named after the service, and its pods mount the CSI volume that triggers the sync.
 * The migration Jobs run before any service pod exists: their SecretProviderClasses are pre-install/pre-upgrade hooks
 * created before them, and their pods mount the CSI volume themselves, so the Secret they read is synced on a fresh
 * install too.
 */
class KeyVaultTests {

    @Test
    void eachServiceSyncsExactlyTheKeysItsPodsReadIntoItsOwnSecret() {
        List<Map<String, Object>> docs = HelmChart.render("values-aks.yaml");
        Map<String, Map<String, Object>> classes = new HashMap<>();
        Manifests.kind(docs, "SecretProviderClass").forEach(spc -> classes.put(Manifests.name(spc), spc));
        for (Map<String, Object> deployment : Manifests.kind(docs, "Deployment")) {
            String name = Manifests.name(deployment);
            Map<String, Object> pod = Manifests.map(Manifests.map(Manifests.map(deployment, "spec"), "template"),
                    "spec");
            Set<String> secrets = new HashSet<>();
            Set<String> read = new HashSet<>();
            for (Map<String, Object> env : Manifests.list(Manifests.list(pod, "containers").getFirst(), "env")) {
                Map<String, Object> ref = Manifests.map(Manifests.map(env, "valueFrom"), "secretKeyRef");
                if (!ref.isEmpty() && !Boolean.TRUE.equals(ref.get("optional"))) {
                    secrets.add(String.valueOf(ref.get("name")));
                    read.add(String.valueOf(ref.get("key")));
                }
            }
            if (secrets.isEmpty()) {
                // the console: no Secret, so nothing to sync and no SecretProviderClass
                assertThat(name).isEqualTo("console");
                assertThat(classes).doesNotContainKey(name);
                continue;
            }
            Map<String, Object> synced = Manifests.list(Manifests.map(classes.get(name), "spec"), "secretObjects")
                    .getFirst();
            assertThat(secrets).as(name).containsExactly(String.valueOf(synced.get("secretName")));
            assertThat(Manifests.list(synced, "data")).as(name).extracting(d -> d.get("key"))
                    .containsExactlyInAnyOrderElementsOf(read);
            String objects = String.valueOf(Manifests.map(Manifests.map(classes.get(name), "spec"), "parameters")
                    .get("objects"));
            read.forEach(key -> assertThat(objects).as(name).contains("objectName: " + name + "-" + key + "\n"));
            assertThat(Manifests.list(pod, "volumes")).as(name)
                    .anySatisfy(v -> assertThat(Manifests.map(Manifests.map(v, "csi"), "volumeAttributes"))
                            .containsEntry("secretProviderClass", name));
        }
    }

    @Test
    void withoutKeyVaultNoSecretProviderClassOrCsiVolumeIsRendered() {
        List<Map<String, Object>> docs = HelmChart.render("values.yaml");
        assertThat(Manifests.kind(docs, "SecretProviderClass")).isEmpty();
        assertThat(Manifests.kind(docs, "Deployment")).allSatisfy(d -> assertThat(Manifests.list(Manifests.map(
                Manifests.map(Manifests.map(d, "spec"), "template"), "spec"), "volumes"))
                .noneSatisfy(v -> assertThat(v).containsKey("csi")));
    }

    @Test
    void theSecretProviderClassesAreHooksCreatedBeforeTheMigrationJobsThatMountThem() {
        List<Map<String, Object>> docs = HelmChart.renderWithHooks("values-aks.yaml");
        List<Map<String, Object>> jobs = Manifests.kind(docs, "Job");
        assertThat(jobs).hasSize(6);
        for (Map<String, Object> job : jobs) {
            String service = Manifests.name(job).replaceFirst("-migrations$", "");
            Map<String, Object> jobHook = Manifests.map(Manifests.map(job, "metadata"), "annotations");
            Map<String, Object> spc = Manifests.kind(docs, "SecretProviderClass").stream()
                    .filter(c -> service.equals(Manifests.name(c))).findFirst().orElseThrow();
            Map<String, Object> spcHook = Manifests.map(Manifests.map(spc, "metadata"), "annotations");
            assertThat(hookEvents(spcHook)).as(service).containsExactlyInAnyOrderElementsOf(hookEvents(jobHook))
                    .contains("pre-install", "pre-upgrade");
            assertThat(weight(spcHook)).as(service + ": the SecretProviderClass comes first")
                    .isLessThan(weight(jobHook));
            assertThat(String.valueOf(spcHook.get("helm.sh/hook-delete-policy")).split(",")).as(service)
                    .containsExactly("before-hook-creation");

            Map<String, Object> pod = Manifests.map(Manifests.map(Manifests.map(job, "spec"), "template"), "spec");
            Map<String, Object> volume = Manifests.list(pod, "volumes").stream()
                    .filter(v -> !Manifests.map(v, "csi").isEmpty()).findFirst().orElseThrow();
            assertThat(Manifests.map(volume, "csi")).as(service).containsEntry("driver", "secrets-store.csi.k8s.io")
                    .containsEntry("volumeAttributes", Map.of("secretProviderClass", service));
            assertThat(Manifests.list(Manifests.list(pod, "containers").getFirst(), "volumeMounts")).as(service)
                    .anySatisfy(m -> assertThat(m).containsEntry("name", volume.get("name")));
        }
        assertThat(docs.stream().flatMap(doc -> KubernetesSchema.violations(doc).stream()).toList()).isEmpty();
    }

    /**
     * A release installed by an earlier chart version holds the SecretProviderClasses as release resources. On the
     * upgrade that makes them hooks, helm deletes what the old manifest had and the new one lacks, unless the live
     * object says keep (helm reads the annotation from the cluster): without it the hooks just created would be
     * deleted after the upgrade, and every pod started later could not mount its CSI volume.
     */
    @Test
    void theSecretProviderClassesSurviveTheUpgradeThatTurnsThemIntoHooks() {
        assertThat(Manifests.kind(HelmChart.renderWithHooks("values-aks.yaml"), "SecretProviderClass")).hasSize(6)
                .allSatisfy(spc -> assertThat(Manifests.map(Manifests.map(spc, "metadata"), "annotations"))
                        .as(Manifests.name(spc)).containsEntry("helm.sh/resource-policy", "keep"));
    }

    @Test
    void withoutKeyVaultTheMigrationJobsMountNoCsiVolume() {
        assertThat(Manifests.kind(HelmChart.renderWithHooks("values.yaml"), "Job")).hasSize(6)
                .allSatisfy(j -> assertThat(Manifests.list(Manifests.map(Manifests.map(Manifests.map(j, "spec"),
                        "template"), "spec"), "volumes")).noneSatisfy(v -> assertThat(v).containsKey("csi")));
    }

    private static List<String> hookEvents(Map<String, Object> annotations) {
        return List.of(String.valueOf(annotations.get("helm.sh/hook")).split(","));
    }

    private static int weight(Map<String, Object> annotations) {
        return Integer.parseInt(String.valueOf(annotations.getOrDefault("helm.sh/hook-weight", "0")));
    }
}
