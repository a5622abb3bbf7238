package io.triage.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid example body as a tree whose values can be swapped for raw bytes, so a mutation keeps the rest of the
 * document valid and reaches past the parser into binding, validation and the service's own code.
 */
final class JsonTemplate {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SLOT = "__fuzz_slot__";
    private static final String SLOT_KEY = "__fuzz_key__";

    private final String example;

    JsonTemplate(String example) {
        this.example = example;
    }

    /** The example with one value (possibly the whole document) replaced by {@code raw}; returns the path chosen. */
    Spliced replaceValue(Random random, byte[] raw, boolean preferStrings) {
        JsonNode root = tree();
        List<Position> positions = positions(root);
        List<Position> strings = positions.stream().filter(p -> p.node().isString()).toList();
        List<Position> from = preferStrings && !strings.isEmpty() ? strings : positions;
        if (from.isEmpty()) {
            return new Spliced("$", raw);
        }
        Position at = from.get(random.nextInt(from.size()));
        at.set(JSON.getNodeFactory().stringNode(SLOT));
        return new Spliced(at.path(), splice(JSON.writeValueAsString(root), "\"" + SLOT + "\"", raw));
    }

    /** The example with the string field named {@code name} (anywhere) replaced by {@code raw}, if it has one. */
    Spliced replaceNamed(String name, byte[] raw, Random random) {
        JsonNode root = tree();
        List<Position> named = positions(root).stream().filter(p -> p.path().endsWith("." + name)).toList();
        if (named.isEmpty()) {
            return replaceValue(random, raw, true);
        }
        Position at = named.get(random.nextInt(named.size()));
        at.set(JSON.getNodeFactory().stringNode(SLOT));
        return new Spliced(at.path(), splice(JSON.writeValueAsString(root), "\"" + SLOT + "\"", raw));
    }

    /** The example with one field removed, or one unknown or duplicated field added, to an object in it. */
    Spliced reshape(Random random, byte[] raw) {
        JsonNode root = tree();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        if (objects.isEmpty()) {
            return new Spliced("$", raw);
        }
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>(object.propertyNames());
        int choice = random.nextInt(3);
        if (choice == 0 && !names.isEmpty()) {
            String removed = names.get(random.nextInt(names.size()));
            object.remove(removed);
            return new Spliced("removed ." + removed, JSON.writeValueAsBytes(root));
        }
        String key = choice == 1 || names.isEmpty() ? "unknownFuzzField" : names.get(random.nextInt(names.size()));
        object.put(SLOT_KEY, SLOT);
        byte[] member = concat(("\"" + key + "\":").getBytes(StandardCharsets.UTF_8), raw);
        return new Spliced((choice == 1 ? "unknown ." : "duplicated .") + key,
                splice(JSON.writeValueAsString(root), "\"" + SLOT_KEY + "\":\"" + SLOT + "\"", member));
    }

    String text() {
        return JSON.writeValueAsString(tree());
    }

    private JsonNode tree() {
        try {
            JsonNode root = JSON.readTree(example);
            return root == null || root.isMissingNode() ? JSON.createObjectNode() : root;
        } catch (JacksonException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (JsonNode child : node) {
            collectObjects(child, objects);
        }
    }

    private static List<Position> positions(JsonNode root) {
        List<Position> positions = new ArrayList<>();
        collect(root, "$", positions);
        return positions;
    }

    private static void collect(JsonNode node, String path, List<Position> positions) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                String child = path + "." + property.getKey();
                positions.add(new Position(child, property.getValue(),
                        value -> object.set(property.getKey(), value)));
                collect(property.getValue(), child, positions);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                positions.add(new Position(path + "[" + i + "]", array.get(i), value -> array.set(index, value)));
                collect(array.get(i), path + "[" + i + "]", positions);
            }
        }
    }

    static byte[] splice(String text, String placeholder, byte[] raw) {
        int at = text.indexOf(placeholder);
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + placeholder.length()).getBytes(StandardCharsets.UTF_8);
        return concat(before, raw, after);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A document with a value replaced, and where. */
    record Spliced(String path, byte[] body) {
    }

    private record Position(String path, JsonNode node, java.util.function.Consumer<JsonNode> setter) {
        void set(JsonNode value) {
            setter.accept(value);
        }
    }
}
