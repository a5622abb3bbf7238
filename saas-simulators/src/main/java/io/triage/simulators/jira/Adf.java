package io.triage.simulators.jira;

import io.triage.simulators.SimJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Atlassian Document Format: what v3 descriptions and comments are. */
public final class Adf {

    private Adf() {
    }

    /** A document of one paragraph per line of {@code text}. */
    public static ObjectNode doc(String text) {
        ObjectNode doc = SimJson.object().put("type", "doc").put("version", 1);
        var content = doc.putArray("content");
        for (String line : text.split("\n", -1)) {
            ObjectNode paragraph = content.addObject().put("type", "paragraph");
            if (!line.isEmpty()) {
                paragraph.putArray("content").addObject().put("type", "text").put("text", line);
            }
        }
        return doc;
    }

    /** Whether {@code node} is an ADF document: {@code {"type":"doc","version":1,"content":[…]}}. */
    public static boolean isDoc(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").asString(""))
                && node.path("version").asInt(0) == 1 && node.path("content").isArray();
    }

    /** The text of a document, paragraphs joined by newlines. */
    public static String text(JsonNode node) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : node.path("content")) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            appendText(block, text);
        }
        return text.toString();
    }

    private static void appendText(JsonNode node, StringBuilder text) {
        if ("text".equals(node.path("type").asString(""))) {
            text.append(node.path("text").asString(""));
        }
        for (JsonNode child : node.path("content")) {
            appendText(child, text);
        }
    }
}
