package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.tickets.TicketLabels;
import org.junit.jupiter.api.Test;

/** The channels classify-service accepts are ticket-generator's (the synthetic tickets') plus {@code api}. */
class ChannelsTests {

    @Test
    void arrivalChannelsAreTheGeneratorsInItsOrder() {
        assertThat(Channels.ARRIVAL).containsExactlyElementsOf(TicketLabels.CHANNELS);
    }

    @Test
    void everyGeneratedChannelAndApiIsAcceptedInAnyCase() {
        assertThat(TicketLabels.CHANNELS).allMatch(Channels::known);
        assertThat(Channels.known("API")).isTrue();
        assertThat(Channels.known("Email")).isTrue();
        assertThat(Channels.known("carrier-pigeon")).isFalse();
        assertThat(Channels.ACCEPTED).containsExactly("email", "phone", "chat", "web", "social", "api");
    }
}
