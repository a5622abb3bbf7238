package io.triage.classify.chain;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The channels a ticket may name: those tickets arrive through (the same as the synthetic tickets'; {@code
 * ChannelsTests} keeps the two in step) and {@code api}, for tickets created through the API directly.
 */
public final class Channels {

    /** Channels a ticket arrives through. */
    public static final List<String> ARRIVAL = List.of("email", "phone", "chat", "web", "social");

    /** Channels accepted besides: tickets created through the API directly. */
    public static final List<String> EXTRA = List.of("api");

    /** Every accepted channel, arrival channels first. */
    public static final List<String> ACCEPTED = Stream.concat(ARRIVAL.stream(), EXTRA.stream()).toList();

    private Channels() {
    }

    /** Whether {@code channel} (in any case) is accepted. */
    public static boolean known(String channel) {
        return ACCEPTED.contains(channel.toLowerCase(Locale.ROOT));
    }
}
