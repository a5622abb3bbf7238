package io.triage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.triage.platform.PlatformProperties;
import org.apache.coyote.http11.Http11NioProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** A refused body up to twice the accepted size is read and dropped, so its client reads the 413 or 503. */
class RefusedBodiesDrainedTests {

    @Test
    void twiceTheAcceptedSizeAndNeverLessThanTomcatsDefault() {
        assertThat(WebConfiguration.drainedBytes(DataSize.ofMegabytes(12))).isEqualTo(24 * 1024 * 1024);
        assertThat(WebConfiguration.drainedBytes(DataSize.ofKilobytes(256))).isEqualTo(2 * 1024 * 1024);
        assertThat(WebConfiguration.drainedBytes(DataSize.ofGigabytes(4))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theConnectorDrainsThatMuch() {
        Http11NioProtocol protocol = new Http11NioProtocol();
        PlatformProperties rulesEngine = new Binder(new MapConfigurationPropertySource(
                Map.of("triage.platform.max-request-bytes", "12MB")))
                .bindOrCreate("triage.platform", PlatformProperties.class);

        new WebConfiguration().refusedBodiesDrained(rulesEngine).customize(protocol);

        assertThat(protocol.getMaxSwallowSize()).isEqualTo(24 * 1024 * 1024);
    }
}
