package io.triage.classify.tier;

import java.util.List;

/**
 * The classes tickets are routed to, per head: what the rules, the model and the LLM choose from. The values and
 * their order are those of the synthetic tickets the models are trained and tested on ({@code TaxonomyTests} keeps
 * the two in step).
 */
public final class Taxonomy {

    /** Departments a ticket is routed to. */
    public static final List<String> DEPARTMENTS = List.of("Billing", "Technical Support", "Security", "Sales",
            "Account Management", "Shipping/Delivery", "General Enquiry");

    /** Urgencies, least to most urgent. */
    public static final List<String> URGENCIES = List.of("Low", "Medium", "High", "Critical");

    /** Sentiments, most negative first. */
    public static final List<String> SENTIMENTS = List.of("Negative", "Neutral", "Positive");

    private Taxonomy() {
    }
}
