package io.triage.ingestion.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ingestion-service settings ({@code triage.ingestion.*}).
 *
 * @param defaultPageSize tickets returned by {@code GET /tickets}, {@code /tickets/clean} and
 *                        {@code /tickets/validated} when the caller names no {@code limit}
 * @param maxPageSize the largest {@code limit} a caller may ask for; more is refused with 400
 * @param labels validated labels ({@code PUT /tickets/{id}/labels})
 */
@ConfigurationProperties("triage.ingestion")
public record IngestionProperties(
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("1000") int maxPageSize,
        @DefaultValue Labels labels) {

    /**
     * Validated labels.
     *
     * @param urgencies the urgency values a validation may carry (the classes the suite's models and rules use);
     *                  an empty list accepts any value, for a customer with a taxonomy of its own
     * @param sentiments the sentiment values a validation may carry; an empty list accepts any value
     * @param maxClockSkew how far in the future a {@code validatedAt} may lie; later ones are refused, since a
     *                     far-future validation would win over every real one that follows
     */
    public record Labels(
            @DefaultValue({"Low", "Medium", "High", "Critical"}) List<String> urgencies,
            @DefaultValue({"Negative", "Neutral", "Positive"}) List<String> sentiments,
            @DefaultValue("5m") Duration maxClockSkew) {
    }
}
