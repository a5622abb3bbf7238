package io.triage.tickets;

import java.util.List;

/** The label vocabularies of generated tickets, in a fixed order other modules may rely on. */
public final class TicketLabels {

    public static final String BILLING = "Billing";
    public static final String TECHNICAL_SUPPORT = "Technical Support";
    public static final String SECURITY = "Security";
    public static final String SALES = "Sales";
    public static final String ACCOUNT_MANAGEMENT = "Account Management";
    public static final String SHIPPING_DELIVERY = "Shipping/Delivery";
    public static final String GENERAL_ENQUIRY = "General Enquiry";

    /** Departments a ticket is routed to. */
    public static final List<String> DEPARTMENTS = List.of(BILLING, TECHNICAL_SUPPORT, SECURITY, SALES,
            ACCOUNT_MANAGEMENT, SHIPPING_DELIVERY, GENERAL_ENQUIRY);

    /** Urgencies, least to most urgent. */
    public static final List<String> URGENCIES = List.of("Low", "Medium", "High", "Critical");

    /** Sentiments, most negative first. */
    public static final List<String> SENTIMENTS = List.of("Negative", "Neutral", "Positive");

    /** Channels a ticket arrives through. */
    public static final List<String> CHANNELS = List.of("email", "phone", "chat", "web", "social");

    /** Languages the ticket text is phrased in (ISO 639-1). */
    public static final List<String> LANGUAGES = List.of("en", "es", "de", "fr");

    private TicketLabels() {
    }
}
