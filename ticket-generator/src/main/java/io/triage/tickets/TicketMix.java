package io.triage.tickets;

import java.util.List;
import java.util.Map;

/**
 * How generated tickets are distributed: label weights and the rates of the text's imperfections.
 * Weights are relative (they need not sum to 1); a label missing from a map is never drawn.
 *
 * @param departments          weight per department of {@link TicketLabels#DEPARTMENTS}
 * @param urgencies            weight per urgency of {@link TicketLabels#URGENCIES}, before the scenario's severity nudges it
 * @param sentiments           weight per sentiment of {@link TicketLabels#SENTIMENTS}
 * @param channels             weight per channel of {@link TicketLabels#CHANNELS}
 * @param typoRate             mean share of words given a typo (swapped, dropped or doubled letter); writers vary around it
 * @param lowercaseShare       share of tickets typed entirely in lower case
 * @param ambiguousShare       share of tickets that also mention a second department's problem
 * @param foreignLanguageShare share of customers who write in Spanish, German or French instead of English
 * @param customerPoolSize     number of distinct customers; tickets draw from them with a skew, so customers repeat
 */
public record TicketMix(Map<String, Double> departments, Map<String, Double> urgencies, Map<String, Double> sentiments,
        Map<String, Double> channels, double typoRate, double lowercaseShare, double ambiguousShare,
        double foreignLanguageShare, int customerPoolSize) {

    public TicketMix {
        departments = checkedWeights("departments", departments, TicketLabels.DEPARTMENTS);
        urgencies = checkedWeights("urgencies", urgencies, TicketLabels.URGENCIES);
        sentiments = checkedWeights("sentiments", sentiments, TicketLabels.SENTIMENTS);
        channels = checkedWeights("channels", channels, TicketLabels.CHANNELS);
        checkShare("typoRate", typoRate);
        checkShare("lowercaseShare", lowercaseShare);
        checkShare("ambiguousShare", ambiguousShare);
        checkShare("foreignLanguageShare", foreignLanguageShare);
        if (customerPoolSize < 1 || customerPoolSize > 9_999_999) {
            throw new IllegalArgumentException("customerPoolSize must be in 1..9999999: " + customerPoolSize);
        }
    }

    /**
     * Roughly realistic defaults: Technical Support and Billing most common, urgency mostly Medium/Low,
     * sentiment mostly Neutral/Negative, about 8 % non-English customers.
     */
    public static TicketMix defaults() {
        return new TicketMix(
                Map.of(TicketLabels.TECHNICAL_SUPPORT, 0.27, TicketLabels.BILLING, 0.24,
                        TicketLabels.ACCOUNT_MANAGEMENT, 0.13, TicketLabels.SHIPPING_DELIVERY, 0.12,
                        TicketLabels.GENERAL_ENQUIRY, 0.10, TicketLabels.SALES, 0.07, TicketLabels.SECURITY, 0.07),
                Map.of("Low", 0.30, "Medium", 0.45, "High", 0.19, "Critical", 0.06),
                Map.of("Negative", 0.38, "Neutral", 0.47, "Positive", 0.15),
                Map.of("email", 0.35, "web", 0.25, "chat", 0.20, "phone", 0.15, "social", 0.05),
                0.02, 0.10, 0.07, 0.08, 2_000);
    }

    /** The same mix with another department weighting. */
    public TicketMix withDepartments(Map<String, Double> weights) {
        return new TicketMix(weights, urgencies, sentiments, channels, typoRate, lowercaseShare, ambiguousShare,
                foreignLanguageShare, customerPoolSize);
    }

    /** The same mix with another typo rate (0 gives clean text). */
    public TicketMix withTypoRate(double rate) {
        return new TicketMix(departments, urgencies, sentiments, channels, rate, lowercaseShare, ambiguousShare,
                foreignLanguageShare, customerPoolSize);
    }

    /** The same mix with another share of non-English customers (0 gives English only). */
    public TicketMix withForeignLanguageShare(double share) {
        return new TicketMix(departments, urgencies, sentiments, channels, typoRate, lowercaseShare, ambiguousShare,
                share, customerPoolSize);
    }

    /** Weights in the order of {@code labels}, so draws never depend on map iteration order. */
    static double[] weightsInOrder(Map<String, Double> weights, List<String> labels) {
        double[] ordered = new double[labels.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = weights.getOrDefault(labels.get(i), 0.0);
        }
        return ordered;
    }

    private static Map<String, Double> checkedWeights(String name, Map<String, Double> weights, List<String> labels) {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        double total = 0;
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            if (!labels.contains(entry.getKey())) {
                throw new IllegalArgumentException(name + ": unknown label '" + entry.getKey() + "', expected one of " + labels);
            }
            if (entry.getValue() == null || !(entry.getValue() >= 0) || entry.getValue().isInfinite()) {
                throw new IllegalArgumentException(name + ": weight of '" + entry.getKey() + "' must be finite and >= 0");
            }
            total += entry.getValue();
        }
        if (total <= 0) {
            throw new IllegalArgumentException(name + ": at least one weight must be positive");
        }
        return Map.copyOf(weights);
    }

    private static void checkShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + share);
        }
    }
}
