/**
 * The LLM tier: OpenAI-compatible chat completions with similar tickets as examples, a strict response schema,
 * one retry, a Redis response cache and token/cost accounting.
 */
@NullMarked
package io.triage.classify.llm;

import org.jspecify.annotations.NullMarked;
