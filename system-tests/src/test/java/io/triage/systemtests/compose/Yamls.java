package io.triage.systemtests.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Navigating parsed YAML (SnakeYAML's maps and lists) without casts at every step. */
final class Yamls {

    private Yamls() {
    }

    /** The value at a dotted path of map keys, or null. */
    static @Nullable Object at(@Nullable Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** The map under {@code key}, empty when absent or not a map. */
    static Map<String, Object> map(@Nullable Object node, String key) {
        return asMap(node instanceof Map<?, ?> map ? map.get(key) : null);
    }

    /** The node as a map, empty when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(@Nullable Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The list under {@code key}, empty when absent or not a list. */
    static List<Object> list(@Nullable Object node, String key) {
        Object value = node instanceof Map<?, ?> map ? map.get(key) : null;
        return value instanceof List<?> found ? new ArrayList<>(found) : List.of();
    }

    /** A string value, or "" when absent. */
    static String string(@Nullable Object node, String key) {
        Object value = node instanceof Map<?, ?> map ? map.get(key) : null;
        return value == null ? "" : value.toString();
    }

    /** Every leaf of a YAML document as a property name ({@code a.b[0].c}) and its value. */
    static Map<String, Object> flatten(Map<?, ?> document) {
        Map<String, Object> properties = new LinkedHashMap<>();
        flatten("", document, properties);
        return properties;
    }

    private static void flatten(String prefix, @Nullable Object node, Map<String, Object> properties) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value,
                    properties));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), properties);
            }
        } else if (node != null) {
            properties.put(prefix, node);
        }
    }
}
