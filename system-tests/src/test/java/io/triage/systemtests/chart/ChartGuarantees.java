package io.triage.systemtests.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every rendering of the chart must guarantee (issue 20): each Deployment rolls without losing capacity
 * (maxUnavailable 0, a preStop pause), has startup, readiness and liveness probes, resource requests and a memory
 * limit, runs hardened (non-root, read-only root filesystem, no privilege escalation, no capabilities, seccomp) and
 * takes its non-secret environment from its ConfigMap; classify-service, rules-engine and ingestion-service (and
 * embedding-service when its vectors live in the shared Qdrant) scale with an autoscaling/v2 HorizontalPodAutoscaler
 * of 3-20 replicas at 70 % CPU with memory as a second metric, behind a PodDisruptionBudget of minAvailable 2; every
 * service has a ServiceMonitor scraping /actuator/prometheus every 15 s with a bearer key from a Secret.
 *
 * <p>Two explicit exceptions. embedding-service with its Lucene index (a disk per pod) runs exactly one pod without
 * HorizontalPodAutoscaler or PodDisruptionBudget: a second pod would have an index of its own that no erasure or index
 * write of the first reaches. A Deployment whose pod holds a ReadWriteOnce PersistentVolumeClaim (audit-service's
 * local archive) runs one pod with strategy Recreate: a surge pod on another node could never attach the volume, so a
 * rolling update with maxUnavailable 0 would stall.
 */
public final class ChartGuarantees {

    /** The services the issue requires to autoscale, whatever their stores. */
    public static final List<String> AUTOSCALED = List.of("classify-service", "rules-engine", "ingestion-service");

    /** Autoscaled only when its vectors are in the shared Qdrant; with Lucene (a disk per pod) one pod. */
    public static final String EMBEDDING = "embedding-service";

    private ChartGuarantees() {
    }

    /** Every broken guarantee in a set of rendered manifests, naming the resource; empty when all hold. */
    public static List<String> violations(List<Map<String, Object>> docs) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> deployments = Manifests.kind(docs, "Deployment");
        if (deployments.isEmpty()) {
            found.add("no Deployment rendered");
        }
        for (Map<String, Object> deployment : deployments) {
            String name = Manifests.name(deployment);
            deploymentViolations(docs, deployment).forEach(v -> found.add("Deployment " + name + ": " + v));
            if (AUTOSCALED.contains(name) || EMBEDDING.equals(name) && !luceneIndexPerPod(docs)) {
                autoscalingViolations(docs, deployment).forEach(v -> found.add(name + ": " + v));
            } else if (EMBEDDING.equals(name)) {
                singlePodViolations(docs, deployment).forEach(v -> found.add(name + " (Lucene index per pod): " + v));
            }
            if (!find(docs, "ServiceMonitor", name).map(ChartGuarantees::scrapesWithKey).orElse(false)) {
                found.add(name + ": no ServiceMonitor scraping /actuator/prometheus every 15s with a key from a Secret");
            }
            if (!find(docs, "ServiceMonitor", name).map(m -> labelsApplication(m, name)).orElse(false)) {
                found.add(name + ": its ServiceMonitor does not set the label application=" + name
                        + " that the alerts and dashboards group by");
            }
        }
        for (String service : List.of("classify-service", "rules-engine", EMBEDDING, "ingestion-service")) {
            if (find(docs, "Deployment", service).isEmpty()) {
                found.add(service + ": no Deployment");
            }
        }
        return found;
    }

    private static List<String> deploymentViolations(List<Map<String, Object>> docs, Map<String, Object> deployment) {
        List<String> found = new ArrayList<>();
        Map<String, Object> spec = Manifests.map(deployment, "spec");
        Map<String, Object> strategy = Manifests.map(spec, "strategy");
        Map<String, Object> pod = Manifests.map(Manifests.map(spec, "template"), "spec");
        if ("Recreate".equals(strategy.get("type"))) {
            if (!holdsReadWriteOnceClaim(docs, pod)) {
                found.add("strategy Recreate without a ReadWriteOnce PersistentVolumeClaim that forces it");
            } else if (!Integer.valueOf(1).equals(spec.get("replicas"))) {
                found.add("more than one pod sharing a ReadWriteOnce PersistentVolumeClaim");
            }
        } else {
            if (!Integer.valueOf(0).equals(Manifests.map(strategy, "rollingUpdate").get("maxUnavailable"))) {
                found.add("rolling update without maxUnavailable 0");
            }
            if (holdsReadWriteOnceClaim(docs, pod)) {
                found.add("rolling update of a pod holding a ReadWriteOnce PersistentVolumeClaim (the surge pod on "
                        + "another node cannot attach it: the rollout stalls)");
            }
        }
        Map<String, Object> podContext = Manifests.map(pod, "securityContext");
        for (Map<String, Object> container : Manifests.list(pod, "containers")) {
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                if (Manifests.map(container, probe).isEmpty()) {
                    found.add("no " + probe);
                }
            }
            if (Manifests.map(Manifests.map(container, "lifecycle"), "preStop").isEmpty()) {
                found.add("no preStop hook");
            }
            Map<String, Object> resources = Manifests.map(container, "resources");
            if (!Manifests.map(resources, "requests").keySet().containsAll(List.of("cpu", "memory"))
                    || !Manifests.map(resources, "limits").containsKey("memory")) {
                found.add("no cpu and memory requests with a memory limit");
            }
            Map<String, Object> context = Manifests.map(container, "securityContext");
            if (!Boolean.TRUE.equals(context.getOrDefault("runAsNonRoot", podContext.get("runAsNonRoot")))
                    || !Boolean.TRUE.equals(context.get("readOnlyRootFilesystem"))
                    || !Boolean.FALSE.equals(context.get("allowPrivilegeEscalation"))
                    || !List.of("ALL").equals(Manifests.map(context, "capabilities").get("drop"))
                    || !"RuntimeDefault".equals(Manifests.map(context, "seccompProfile")
                            .getOrDefault("type", Manifests.map(podContext, "seccompProfile").get("type")))) {
                found.add("securityContext not hardened (non-root, read-only root, no escalation, drop ALL, seccomp)");
            }
            boolean configMap = Manifests.list(container, "envFrom").stream()
                    .map(from -> Manifests.map(from, "configMapRef").get("name"))
                    .anyMatch(ref -> find(docs, "ConfigMap", String.valueOf(ref)).isPresent());
            if (!configMap) {
                found.add("no environment from a rendered ConfigMap");
            }
        }
        return found;
    }

    private static List<String> autoscalingViolations(List<Map<String, Object>> docs, Map<String, Object> deployment) {
        String name = Manifests.name(deployment);
        List<String> found = new ArrayList<>();
        if (Manifests.map(deployment, "spec").containsKey("replicas")) {
            found.add("fixed replicas on an autoscaled Deployment (each upgrade would reset the HPA's count)");
        }
        Optional<Map<String, Object>> hpa = Manifests.kind(docs, "HorizontalPodAutoscaler").stream()
                .filter(h -> name.equals(Manifests.map(Manifests.map(h, "spec"), "scaleTargetRef").get("name")))
                .findFirst();
        if (hpa.isEmpty()) {
            found.add("no HorizontalPodAutoscaler");
        } else {
            Map<String, Object> spec = Manifests.map(hpa.get(), "spec");
            if (!"autoscaling/v2".equals(hpa.get().get("apiVersion")) || !Integer.valueOf(3).equals(spec.get("minReplicas"))
                    || !Integer.valueOf(20).equals(spec.get("maxReplicas"))) {
                found.add("HorizontalPodAutoscaler is not autoscaling/v2 with 3-20 replicas");
            }
            Map<String, Object> targets = new HashMap<>();
            for (Map<String, Object> metric : Manifests.list(spec, "metrics")) {
                Map<String, Object> resource = Manifests.map(metric, "resource");
                targets.put(String.valueOf(resource.get("name")), Manifests.map(resource, "target").get("averageUtilization"));
            }
            if (!Integer.valueOf(70).equals(targets.get("cpu"))) {
                found.add("HorizontalPodAutoscaler does not target 70 % CPU");
            }
            if (!(targets.get("memory") instanceof Integer)) {
                found.add("HorizontalPodAutoscaler has no memory metric");
            }
        }
        Map<String, Object> podLabels = Manifests.map(Manifests.map(Manifests.map(deployment, "spec"), "template"),
                "metadata");
        boolean budget = Manifests.kind(docs, "PodDisruptionBudget").stream()
                .filter(pdb -> Integer.valueOf(2).equals(Manifests.map(pdb, "spec").get("minAvailable")))
                .map(pdb -> Manifests.map(Manifests.map(Manifests.map(pdb, "spec"), "selector"), "matchLabels"))
                .anyMatch(selector -> !selector.isEmpty()
                        && Manifests.map(podLabels, "labels").entrySet().containsAll(selector.entrySet()));
        if (!budget) {
            found.add("no PodDisruptionBudget of minAvailable 2 selecting its pods");
        }
        return found;
    }

    private static List<String> singlePodViolations(List<Map<String, Object>> docs, Map<String, Object> deployment) {
        String name = Manifests.name(deployment);
        List<String> found = new ArrayList<>();
        if (!Integer.valueOf(1).equals(Manifests.map(deployment, "spec").get("replicas"))) {
            found.add("not exactly one replica");
        }
        if (Manifests.kind(docs, "HorizontalPodAutoscaler").stream()
                .anyMatch(h -> name.equals(Manifests.map(Manifests.map(h, "spec"), "scaleTargetRef").get("name")))) {
            found.add("a HorizontalPodAutoscaler would add pods with indexes of their own");
        }
        if (find(docs, "PodDisruptionBudget", name).isPresent()) {
            found.add("a PodDisruptionBudget on one pod blocks every node drain");
        }
        return found;
    }

    /** True when embedding-service keeps its vectors in Lucene (the default store): an index on each pod's disk. */
    static boolean luceneIndexPerPod(List<Map<String, Object>> docs) {
        Object store = find(docs, "ConfigMap", EMBEDDING + "-env").map(c -> Manifests.map(c, "data"))
                .orElse(Map.of()).get("TRIAGE_EMBEDDING_STORE");
        return !"qdrant".equalsIgnoreCase(String.valueOf(store == null ? "lucene" : store));
    }

    /** True when the pod mounts a rendered PersistentVolumeClaim that only one node can attach. */
    private static boolean holdsReadWriteOnceClaim(List<Map<String, Object>> docs, Map<String, Object> pod) {
        return Manifests.list(pod, "volumes").stream()
                .map(volume -> Manifests.map(volume, "persistentVolumeClaim").get("claimName"))
                .filter(Objects::nonNull)
                .flatMap(claim -> find(docs, "PersistentVolumeClaim", String.valueOf(claim)).stream())
                .anyMatch(claim -> {
                    Object modes = Manifests.map(claim, "spec").get("accessModes");
                    return modes instanceof List<?> list
                            && (list.contains("ReadWriteOnce") || list.contains("ReadWriteOncePod"));
                });
    }

    private static boolean scrapesWithKey(Map<String, Object> monitor) {
        return Manifests.list(Manifests.map(monitor, "spec"), "endpoints").stream().anyMatch(endpoint ->
                "/actuator/prometheus".equals(endpoint.get("path")) && "15s".equals(endpoint.get("interval"))
                        && Manifests.map(Manifests.map(endpoint, "authorization"), "credentials").get("key") != null);
    }

    private static boolean labelsApplication(Map<String, Object> monitor, String name) {
        return Manifests.list(Manifests.map(monitor, "spec"), "endpoints").stream()
                .flatMap(endpoint -> Manifests.list(endpoint, "relabelings").stream())
                .anyMatch(relabel -> "application".equals(relabel.get("targetLabel"))
                        && name.equals(relabel.get("replacement"))
                        && "replace".equals(relabel.getOrDefault("action", "replace")));
    }

    private static Optional<Map<String, Object>> find(List<Map<String, Object>> docs, String kind, String name) {
        return Manifests.kind(docs, kind).stream().filter(doc -> name.equals(Manifests.name(doc))).findFirst();
    }
}
