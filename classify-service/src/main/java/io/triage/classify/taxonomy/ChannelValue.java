package io.triage.classify.taxonomy;

/** What a ticket's channel value is on the platform. */
public sealed interface ChannelValue {

    /**
     * One of the platform's channels, as sent or mapped from the source's value.
     *
     * @param channel the platform channel
     */
    record Known(String channel) implements ChannelValue {
    }

    /**
     * A ticketing system's value with no mapping: kept as the ticket's channel (lower case), never refused.
     *
     * @param channel the value, lower case
     * @param source  the ticketing system, lower case
     */
    record Kept(String channel, String source) implements ChannelValue {
    }

    /** A value that is no channel, from a caller that is no ticketing system: refused. */
    record Unknown() implements ChannelValue {
    }
}
