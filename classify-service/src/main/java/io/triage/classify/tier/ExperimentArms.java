package io.triage.classify.tier;

/**
 * The names of the A/B experiments and their arms, as tiers read them from {@link TierContext#arm(String)}
 * (assignment and reports live in {@code io.triage.classify.experiment}).
 */
public final class ExperimentArms {

    /** Rules first (the normal chain) against straight to the model. */
    public static final String RULES_VS_ML = "rules-vs-ml";
    /** Few-shot prompts with similar tickets against prompts without examples. */
    public static final String RAG_VS_ZERO_SHOT = "rag-vs-zero-shot";
    public static final String RULES_FIRST = "rules-first";
    public static final String DIRECT_ML = "direct-ml";
    public static final String RAG = "rag";
    public static final String ZERO_SHOT = "zero-shot";

    private ExperimentArms() {
    }
}
