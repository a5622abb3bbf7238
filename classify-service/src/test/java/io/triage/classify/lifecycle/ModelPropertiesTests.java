package io.triage.classify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The canary shares are checked when the properties are bound, so a service cannot start routing by a wrong one. */
class ModelPropertiesTests {

    static ModelProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("triage.classify.models", ModelProperties.class);
    }

    @Test
    void defaultsAreATenPercentCanaryUpToHalf() {
        ModelProperties properties = bind(Map.of());
        assertThat(properties.canaryShare()).isEqualTo(0.10);
        assertThat(properties.maxCanaryShare()).isEqualTo(0.50);
    }

    @Test
    void aDefaultShareAboveTheMaximumIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("triage.classify.models.canary-share", "0.6")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("canary-share must be between 0 and max-canary-share (0.5), not 0.6");
    }

    @Test
    void aMaximumOutsideZeroToOneIsRefusedAtStartUp() {
        for (String max : new String[] {"1.5", "-0.1", "NaN"}) {
            assertThatThrownBy(() -> bind(Map.of("triage.classify.models.max-canary-share", max))).as(max)
                    .isInstanceOf(BindException.class).rootCause()
                    .hasMessageContaining("max-canary-share must be between 0 and 1");
        }
    }

    @Test
    void aLargerMaximumAllowsALargerDefault() {
        ModelProperties properties = bind(Map.of("triage.classify.models.canary-share", "0.6",
                "triage.classify.models.max-canary-share", "1"));
        assertThat(properties.canaryShare()).isEqualTo(0.6);
    }
}
