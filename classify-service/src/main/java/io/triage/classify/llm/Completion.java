package io.triage.classify.llm;

/**
 * One chat completion's text and billed tokens.
 *
 * @param content          the assistant message
 * @param promptTokens     prompt tokens
 * @param completionTokens completion tokens
 */
public record Completion(String content, long promptTokens, long completionTokens) {
}
