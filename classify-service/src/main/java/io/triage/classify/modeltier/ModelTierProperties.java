package io.triage.classify.modeltier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ML tier ({@code triage.classify.tiers.model.*}).
 *
 * @param enabled whether the model is consulted as a deciding tier (it still fills heads other tiers leave
 *                open)
 */
@ConfigurationProperties("triage.classify.tiers.model")
public record ModelTierProperties(@DefaultValue("true") boolean enabled) {
}
