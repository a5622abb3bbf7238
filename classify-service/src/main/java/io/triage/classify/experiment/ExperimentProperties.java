package io.triage.classify.experiment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deterministic A/B assignment by a hash of the ticket id (of the text when there is none) ({@code
 * triage.classify.tiers.experiments.*}).
 *
 * @param directMlShare share of tickets (0–1) that bypass the rules tier (experiment {@code rules-vs-ml});
 *                      0 switches the experiment off
 * @param zeroShotShare share of LLM prompts sent without examples (experiment {@code rag-vs-zero-shot});
 *                      0 switches the experiment off
 */
@ConfigurationProperties("triage.classify.tiers.experiments")
public record ExperimentProperties(@DefaultValue("0") double directMlShare, @DefaultValue("0") double zeroShotShare) {
}
