package io.triage.systemtests.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a rendered manifest against the Kubernetes API of the target version, as a strict API server would
 * (kubectl's default --validate=strict): unknown fields, missing required fields and values of the wrong type are
 * violations.
 *
 * <p>Built-in kinds: the models of the Kubernetes Java client, generated from Kubernetes' OpenAPI spec (client-java-api
 * 25.0.x = Kubernetes 1.34, the version AKS runs), whose reader refuses unknown and missing required fields; the
 * manifest must also survive a round trip through the model unchanged, which catches what the reader would coerce
 * (a number where the API wants a string, {@code "3"} for an integer). Custom resources: the openAPIV3Schema of their
 * CRDs (vendored in {@code kubernetes-crds/}, see its README) with unknown fields refused, and their metadata as an
 * ObjectMeta. Any other kind is a violation: the cluster would not know it.
 */
public final class KubernetesSchema {

    private static final Gson GSON = new JSON().getGson();
    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private KubernetesSchema() {
    }

    /** The violations of one manifest, each naming the resource; empty when the API server would accept it. */
    public static List<String> violations(Map<String, Object> manifest) {
        String apiVersion = String.valueOf(manifest.get("apiVersion"));
        String kind = String.valueOf(manifest.get("kind"));
        String name = kind + " " + (manifest.get("metadata") instanceof Map<?, ?> m ? m.get("name") : "?");
        InputStream crd = KubernetesSchema.class.getResourceAsStream(
                "/kubernetes-crds/" + apiVersion.replace('/', '_') + "_" + kind + ".yaml");
        List<String> found = crd != null ? customResource(manifest, crd) : builtIn(apiVersion, kind, manifest);
        return found.stream().map(violation -> name + ": " + violation).toList();
    }

    private static List<String> builtIn(String apiVersion, String kind, Map<String, Object> manifest) {
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        Class<?> model;
        try {
            model = Class.forName(MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind);
        } catch (ClassNotFoundException e) {
            return List.of("no such kind in the Kubernetes 1.34 API (" + apiVersion + ")");
        }
        return roundTrip(GSON.toJsonTree(manifest), model);
    }

    private static List<String> roundTrip(JsonElement original, Class<?> model) {
        Object parsed;
        try {
            parsed = GSON.fromJson(original, model);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            return List.of(e.getMessage());
        }
        List<String> differences = new ArrayList<>();
        compare("", original, GSON.toJsonTree(parsed), differences);
        return differences;
    }

    /** Where the model's reading differs from the manifest: a field it dropped, or a value it had to convert. */
    private static void compare(String path, JsonElement original, JsonElement read, List<String> differences) {
        if (original.isJsonObject() && read.isJsonObject()) {
            JsonObject readObject = read.getAsJsonObject();
            for (Map.Entry<String, JsonElement> field : original.getAsJsonObject().entrySet()) {
                JsonElement value = readObject.get(field.getKey());
                if (value == null && !field.getValue().isJsonNull()) {
                    differences.add(path + "." + field.getKey() + ": not a field of the API");
                } else if (value != null) {
                    compare(path + "." + field.getKey(), field.getValue(), value, differences);
                }
            }
        } else if (original.isJsonArray() && read.isJsonArray()) {
            JsonArray originalArray = original.getAsJsonArray();
            JsonArray readArray = read.getAsJsonArray();
            for (int i = 0; i < Math.min(originalArray.size(), readArray.size()); i++) {
                compare(path + "[" + i + "]", originalArray.get(i), readArray.get(i), differences);
            }
        } else if (!Objects.equals(original, read)) {
            differences.add(path + ": " + original + " is not of the API's type (read as " + read + ")");
        }
    }

    private static List<String> customResource(Map<String, Object> manifest, InputStream crd) {
        ObjectNode schemaNode;
        try (crd) {
            schemaNode = JACKSON.valueToTree(new Yaml().load(crd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refuseUnknownFields(schemaNode);
        Schema schema = SCHEMAS.getSchema(schemaNode);
        List<String> found = new ArrayList<>();
        for (Error error : schema.validate(JACKSON.valueToTree(manifest))) {
            found.add(error.toString());
        }
        if (manifest.get("metadata") != null) {
            found.addAll(roundTrip(GSON.toJsonTree(manifest.get("metadata")), V1ObjectMeta.class).stream()
                    .map(violation -> "metadata" + violation).toList());
        }
        return found;
    }

    /** additionalProperties: false on every object schema that lists its properties, as strict validation does. */
    private static void refuseUnknownFields(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.has("x-kubernetes-preserve-unknown-fields")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> children = object.values().iterator(); children.hasNext();) {
                refuseUnknownFields(children.next());
            }
        } else if (schema.isArray()) {
            schema.forEach(KubernetesSchema::refuseUnknownFields);
        }
    }
}
