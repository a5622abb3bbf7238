package io.triage.systemtests.chart;

import java.util.List;
import java.util.Map;

/** Lenient navigation of rendered manifests (YAML maps and lists): a missing part reads as empty. */
final class Manifests {

    private Manifests() {
    }

    static List<Map<String, Object>> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
    }

    static String name(Map<String, Object> doc) {
        return String.valueOf(map(doc, "metadata").get("name"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> value ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> value ? (List<Map<String, Object>>) value : List.of();
    }
}
