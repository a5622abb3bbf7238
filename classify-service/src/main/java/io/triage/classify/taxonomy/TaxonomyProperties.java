package io.triage.classify.taxonomy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's labels ({@code triage.classify.taxonomy.*}). The defaults are those of the synthetic tickets the
 * demo model is trained on. A head the production model serves uses the model's labels instead (see
 * {@code GET /taxonomy}); these lists name the labels of the heads it does not serve.
 *
 * @param departments    departments a ticket is routed to, when no production model serves the department head
 * @param urgencies      urgencies, least to most urgent, when no production model serves the urgency head
 * @param sentiments     sentiments, most negative first, when no production model serves the sentiment head
 * @param channels       the channels a ticket may name (lower case): those tickets arrive through, and {@code api}
 *                       for tickets created through the API directly
 * @param sourceChannels per source system ({@code servicenow}, {@code zendesk}, {@code jira}, {@code import} …), its
 *                       channel values mapped to one of {@code channels}, e.g.
 *                       {@code source-channels.servicenow.walk-in=phone}; added to (and overriding) the built-in
 *                       maps of ServiceNow {@code contact_type} and Zendesk {@code via.channel} values. A mapping
 *                       to a channel not in {@code channels} is a startup error
 */
@ConfigurationProperties("triage.classify.taxonomy")
public record TaxonomyProperties(
        @DefaultValue({"Billing", "Technical Support", "Security", "Sales", "Account Management",
                "Shipping/Delivery", "General Enquiry"}) List<String> departments,
        @DefaultValue({"Low", "Medium", "High", "Critical"}) List<String> urgencies,
        @DefaultValue({"Negative", "Neutral", "Positive"}) List<String> sentiments,
        @DefaultValue({"email", "phone", "chat", "web", "social", "api"}) List<String> channels,
        @DefaultValue Map<String, Map<String, String>> sourceChannels) {

    public TaxonomyProperties {
        departments = labels("departments", departments);
        urgencies = labels("urgencies", urgencies);
        sentiments = labels("sentiments", sentiments);
        channels = labels("channels", channels.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList());
        Map<String, Map<String, String>> sources = new LinkedHashMap<>();
        sourceChannels.forEach((source, values) -> sources.put(source.toLowerCase(Locale.ROOT), lowerCase(values)));
        sourceChannels = Map.copyOf(sources);
    }

    private static List<String> labels(String property, List<String> values) {
        List<String> stripped = values.stream().map(String::strip).toList();
        if (stripped.isEmpty() || stripped.stream().anyMatch(String::isEmpty)
                || new HashSet<>(stripped).size() != stripped.size()) {
            throw new IllegalArgumentException("triage.classify.taxonomy." + property
                    + " must list at least one label, none blank, none twice: " + values);
        }
        return List.copyOf(stripped);
    }

    private static Map<String, String> lowerCase(Map<String, String> values) {
        Map<String, String> lower = new LinkedHashMap<>();
        values.forEach((value, channel) -> lower.put(value.strip().toLowerCase(Locale.ROOT),
                channel.strip().toLowerCase(Locale.ROOT)));
        return lower;
    }
}
