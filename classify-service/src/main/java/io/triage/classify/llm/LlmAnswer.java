package io.triage.classify.llm;

/**
 * The LLM's classification after validation against the response schema.
 *
 * @param department one of the known departments
 * @param urgency    one of the known urgencies
 * @param sentiment  one of the known sentiments
 * @param confidence the model's own confidence in [0, 1]
 * @param reason     its short reason
 */
public record LlmAnswer(String department, String urgency, String sentiment, double confidence, String reason) {
}
