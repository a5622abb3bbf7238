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
}
