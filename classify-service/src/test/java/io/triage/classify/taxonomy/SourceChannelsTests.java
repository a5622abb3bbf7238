package io.triage.classify.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.classify.testing.Taxonomies;
import io.triage.tickets.TicketLabels;
import org.junit.jupiter.api.Test;

/** A source's channel values read as the platform's channels; a ticketing system's unmapped value is kept. */
class SourceChannelsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SourceChannels channels = Taxonomies.sourceChannels(meters);

    private double unmapped(String source) {
        var counter = meters.find("classify_unmapped_channels").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void everyPlatformChannelIsAcceptedInAnyCaseFromAnySource() {
        assertThat(TicketLabels.CHANNELS).allSatisfy(channel ->
                assertThat(channels.resolve(null, channel.toUpperCase())).isEqualTo(new ChannelValue.Known(channel)));
        assertThat(channels.resolve("import", "API")).isEqualTo(new ChannelValue.Known("api"));
    }

    @Test
    void serviceNowContactTypesMapAsIngestionMapsThem() {
        assertThat(channels.resolve("servicenow", "self-service")).isEqualTo(new ChannelValue.Known("web"));
        assertThat(channels.resolve("ServiceNow", "Virtual_Agent")).isEqualTo(new ChannelValue.Known("chat"));
    }

    @Test
    void zendeskViaChannelsMapAsIngestionMapsThem() {
        assertThat(channels.resolve("zendesk", "voice")).isEqualTo(new ChannelValue.Known("phone"));
        assertThat(channels.resolve("zendesk", "web_form")).isEqualTo(new ChannelValue.Known("web"));
        assertThat(channels.resolve("zendesk", "twitter")).isEqualTo(new ChannelValue.Known("social"));
    }

    @Test
    void aSourcesMapAppliesToThatSourceOnly() {
        assertThat(channels.resolve(null, "self-service")).isInstanceOf(ChannelValue.Unknown.class);
        assertThat(channels.resolve("zendesk", "self-service")).isInstanceOf(ChannelValue.Kept.class);
    }

    @Test
    void aTicketingSystemsUnmappedValueIsKeptLowerCasedAndCounted() {
        assertThat(channels.resolve("servicenow", "Carrier-Pigeon"))
                .isEqualTo(new ChannelValue.Kept("carrier-pigeon", "servicenow"));
        assertThat(unmapped("servicenow")).as("resolving alone counts nothing").isZero();

        assertThat(channels.platformChannel("ServiceNow", "Carrier-Pigeon")).isEqualTo("carrier-pigeon");
        assertThat(unmapped("servicenow")).isEqualTo(1);
        assertThat(channels.platformChannel("servicenow", "self-service")).isEqualTo("web");
        assertThat(unmapped("servicenow")).as("a mapped value is not counted").isEqualTo(1);
    }

    @Test
    void anUnknownValueFromAnyOtherCallerIsUnknown() {
        assertThat(channels.resolve(null, "carrier-pigeon")).isInstanceOf(ChannelValue.Unknown.class);
        assertThat(channels.resolve("import", "carrier-pigeon")).isInstanceOf(ChannelValue.Unknown.class);
    }

    @Test
    void configuredMappingsAddToAndOverrideTheBuiltInOnes() {
        SourceChannels configured = new SourceChannels(Taxonomies.properties(Map.of(
                "source-channels.servicenow.walk-in", "phone", "source-channels.servicenow.self-service", "email",
                "source-channels.import.fax", "email")), meters);
        assertThat(configured.resolve("servicenow", "Walk-In")).isEqualTo(new ChannelValue.Known("phone"));
        assertThat(configured.resolve("servicenow", "self-service")).isEqualTo(new ChannelValue.Known("email"));
        assertThat(configured.resolve("servicenow", "virtual_agent")).isEqualTo(new ChannelValue.Known("chat"));
        assertThat(configured.resolve("import", "fax")).isEqualTo(new ChannelValue.Known("email"));
    }

    @Test
    void aMappingToAChannelTheDeploymentLacksIsAStartupError() {
        assertThatThrownBy(() -> new SourceChannels(Taxonomies.properties(Map.of(
                "source-channels.jira.portal", "carrier-pigeon")), meters))
                .hasMessageContaining("triage.classify.taxonomy.source-channels.jira.portal");
    }
}
