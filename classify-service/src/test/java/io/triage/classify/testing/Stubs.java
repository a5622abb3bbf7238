package io.triage.classify.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Replies in the wire formats of the services the chain calls (as documented by those services). */
public final class Stubs {

    private Stubs() {
    }

    /** rules-engine {@code POST /rules/evaluate}: a fired rule. */
    public static String ruleFired(String ruleId, String department, String urgency, double confidence,
            String matched) {
        return """
                {"ticketId":null,"matched":true,"ruleId":"%s","department":"%s","urgency":"%s","confidence":%s,
                 "shortCircuit":%s,"ruleSetVersion":7,
                 "span":{"field":"DESCRIPTION","start":0,"end":%d,"text":"%s"}}"""
                .formatted(ruleId, department, urgency, confidence, confidence >= 0.85, matched.length(), matched);
    }

    /** rules-engine {@code POST /rules/evaluate}: no rule fired. */
    public static String noRule() {
        return """
                {"ticketId":null,"matched":false,"ruleId":null,"department":null,"urgency":null,"confidence":null,
                 "shortCircuit":false,"ruleSetVersion":7,"span":null}""";
    }

    /**
     * A neighbour in embedding-service's {@code POST /search} answer.
     *
     * @param ticketId   the neighbour
     * @param similarity cosine similarity
     * @param department its label
     * @param urgency    its label
     * @param sentiment  its label
     */
    public record Neighbour(String ticketId, double similarity, String department, String urgency,
            String sentiment) {

        String json() {
            return """
                    {"ticketId":"%s","similarity":%s,"metadata":{"customerId":"C-1","department":%s,"urgency":%s,
                     "sentiment":%s,"createdAt":"2026-11-01T10:00:00Z"}}"""
                    .formatted(ticketId, similarity, quoted(department), quoted(urgency), quoted(sentiment));
        }
    }

    /** embedding-service {@code POST /search}. */
    public static String neighbours(List<Neighbour> matches) {
        return "{\"model\":\"all-minilm-l6-v2-q-384\",\"matches\":["
                + matches.stream().map(Neighbour::json).collect(Collectors.joining(",")) + "]}";
    }

    /**
     * embedding-service {@code POST /search} with {@code includeVector}: the neighbours and the query's vector, as
     * encoded by {@code model}.
     */
    public static String neighboursWithVector(List<Neighbour> matches, String model, float[] vector) {
        StringBuilder floats = new StringBuilder();
        for (int i = 0; i < vector.length; i++) {
            floats.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return "{\"model\":" + quoted(model) + ",\"matches\":["
                + matches.stream().map(Neighbour::json).collect(Collectors.joining(",")) + "],\"vector\":["
                + floats + "]}";
    }

    /** An OpenAI {@code /v1/chat/completions} answer whose assistant message is {@code content}. */
    public static String chatCompletion(String content, long promptTokens, long completionTokens) {
        return """
                {"id":"chatcmpl-stub","object":"chat.completion","created":1764000000,"model":"stub-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(quoted(content), promptTokens, completionTokens, promptTokens + completionTokens);
    }

    /** A schema-conforming classification as the LLM would write it. */
    public static String llmAnswer(String department, String urgency, String sentiment, double confidence) {
        return """
                {"department":"%s","urgency":"%s","sentiment":"%s","confidence":%s,"reason":"stub"}"""
                .formatted(department, urgency, sentiment, confidence);
    }

    static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
