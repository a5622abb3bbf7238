package io.triage.systemtests.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every rendering of the chart must guarantee (issue 20): each Deployment rolls without losing capacity
 * (maxUnavailable 0, a preStop pause), has startup, readiness and liveness probes, resource requests and a memory
 * limit, runs hardened (non-root, read-only root filesystem, no privilege escalation, no capabilities, seccomp) and
 * takes its non-secret environment from its ConfigMap; classify-service, rules-engine, embedding-service and
 * ingestion-service scale with an autoscaling/v2 HorizontalPodAutoscaler of 3-20 replicas at 70 % CPU with memory
 * as a second metric, behind a PodDisruptionBudget of minAvailable 2; every service has a ServiceMonitor scraping
 * /actuator/prometheus every 15 s with a bearer key from a Secret.
 */
public final class ChartGuarantees {

    /** The services the issue requires to autoscale. */
    public static final List<String> AUTOSCALED =
            List.of("classify-service", "rules-engine", "embedding-service", "ingestion-service");

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
            if (AUTOSCALED.contains(name)) {
                autoscalingViolations(docs, deployment).forEach(v -> found.add(name + ": " + v));
            }
            if (!find(docs, "ServiceMonitor", name).map(ChartGuarantees::scrapesWithKey).orElse(false)) {
                found.add(name + ": no ServiceMonitor scraping /actuator/prometheus every 15s with a key from a Secret");
            }
            if (!find(docs, "ServiceMonitor", name).map(m -> labelsApplication(m, name)).orElse(false)) {
                found.add(name + ": its ServiceMonitor does not set the label application=" + name
                        + " that the alerts and dashboards group by");
            }
        }
        for (String service : AUTOSCALED) {
            if (find(docs, "Deployment", service).isEmpty()) {
                found.add(service + ": no Deployment");
            }
        }
        return found;
    }

    private static List<String> deploymentViolations(List<Map<String, Object>> docs, Map<String, Object> deployment) {
        List<String> found = new ArrayList<>();
        Map<String, Object> spec = Manifests.map(deployment, "spec");
        if (!Integer.valueOf(0).equals(Manifests.map(Manifests.map(spec, "strategy"), "rollingUpdate")
                .get("maxUnavailable"))) {
            found.add("rolling update without maxUnavailable 0");
        }
        Map<String, Object> pod = Manifests.map(Manifests.map(spec, "template"), "spec");
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
