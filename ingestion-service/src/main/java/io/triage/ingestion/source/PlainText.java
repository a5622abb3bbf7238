package io.triage.ingestion.source;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns the rich text of the sources into the plain text the sanitiser and the models read: Jira's Atlassian
 * Document Format and Zendesk's HTML bodies. Structure becomes line breaks; markup is dropped.
 */
final class PlainText {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|h[1-6]|tr|blockquote|pre)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private PlainText() {
    }

    /** ADF document (or a v2 wiki string) to text; null stays empty. */
    static String fromAdf(@Nullable JsonNode description) {
        if (description == null || description.isNull() || description.isMissingNode()) {
            return "";
        }
        if (description.isString()) {
            return description.asString();
        }
        StringBuilder text = new StringBuilder();
        appendAdf(description, text);
        return tidy(text.toString());
    }

    private static void appendAdf(JsonNode node, StringBuilder text) {
        String type = node.path("type").asString("");
        switch (type) {
            case "text" -> text.append(node.path("text").asString(""));
            case "hardBreak" -> text.append('\n');
            case "mention", "emoji", "status" -> text.append(node.path("attrs").path("text").asString(""));
            case "inlineCard", "blockCard" -> text.append(node.path("attrs").path("url").asString(""));
            default -> { }
        }
        for (JsonNode child : node.path("content")) {
            appendAdf(child, text);
        }
        if (type.equals("paragraph") || type.equals("heading") || type.equals("listItem")
                || type.equals("codeBlock") || type.equals("blockquote") || type.equals("rule")) {
            text.append('\n');
        }
    }

    /** HTML to text; text without markup is returned unchanged (Zendesk's {@code description} is plain already). */
    static String fromHtml(@Nullable String html) {
        if (html == null) {
            return "";
        }
        if (!html.contains("<")) {
            return html;
        }
        String text = SCRIPT.matcher(html).replaceAll("");
        text = BLOCK_END.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return tidy(text);
    }

    private static String tidy(String text) {
        return BLANK_LINES.matcher(text.strip()).replaceAll("\n\n");
    }
}
