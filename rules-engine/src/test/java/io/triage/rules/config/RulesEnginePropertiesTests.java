package io.triage.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triage.rules.trust.TrustPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RulesEnginePropertiesTests {

    private static RulesEngineProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("triage.rules", RulesEngineProperties.class);
    }

    @Test
    void theTrustPolicyDefaultsToClassifyServicesDefaults() {
        assertThat(bind(Map.of()).trust().policy()).isEqualTo(TrustPolicy.DEFAULTS);
    }

    @Test
    void theTrustPolicyFollowsItsSettings() {
        TrustPolicy policy = bind(Map.of("triage.rules.trust.min-outcomes", "20",
                "triage.rules.trust.min-effective-confidence", "0.8")).trust().policy();

        assertThat(policy.minOutcomes()).isEqualTo(20);
        assertThat(policy.minConfidence()).isEqualTo(0.8);
        assertThat(policy.z()).isEqualTo(TrustPolicy.DEFAULTS.z());
    }

    @Test
    void anOutOfRangeSettingIsRefusedWhenBoundWithItsName() {
        assertThatThrownBy(() -> bind(Map.of("triage.rules.trust.min-outcomes", "0")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("triage.rules.trust")
                .rootCause().hasMessageContaining("minOutcomes must be at least 1");
        assertThatThrownBy(() -> bind(Map.of("triage.rules.trust.min-effective-confidence", "1.5")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("minConfidence must be within [0, 1]");
    }
}
