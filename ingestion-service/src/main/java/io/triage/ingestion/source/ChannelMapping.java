package io.triage.ingestion.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Maps a source's channel values (ServiceNow {@code contact_type}, Zendesk {@code via.channel}, a JSM request type's
 * name) to the platform's.
 * A value the source produced never refuses a ticket: an unknown one becomes the configured default (or none) and
 * is counted in {@code ingestion_unmapped_channels_total{source}}.
 */
@Component
public class ChannelMapping {

    private static final Map<String, String> SERVICENOW = Map.of(
            "email", "email", "phone", "phone", "self-service", "web", "chat", "chat", "virtual_agent", "chat",
            "social", "social");

    private static final Map<String, String> ZENDESK = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("web", "web"), Map.entry("web_form", "web"),
            Map.entry("web_widget", "web"), Map.entry("mobile_sdk", "web"), Map.entry("mobile", "web"),
            Map.entry("voice", "phone"), Map.entry("chat", "chat"), Map.entry("native_messaging", "chat"),
            Map.entry("whatsapp", "chat"), Map.entry("twitter", "social"), Map.entry("facebook", "social"),
            Map.entry("instagram_dm", "social"));

    /** JSM request types named after the channel that creates them by default; others are configured. */
    private static final Map<String, String> JIRA = Map.of("emailed request", "email", "email request", "email");

    /** The values {@code NewTicket.channel} accepts; a configured mapping to anything else is a startup error. */
    private static final Set<String> PLATFORM_CHANNELS = Set.of("email", "phone", "chat", "web", "social");

    private final Map<TicketSource, Map<String, String>> maps = new HashMap<>();
    private final Map<TicketSource, String> defaults = new HashMap<>();
    private final MeterRegistry meters;

    ChannelMapping(IngestionProperties properties, MeterRegistry meters) {
        this.meters = meters;
        register(TicketSource.SERVICENOW, SERVICENOW, properties.sources().servicenow());
        register(TicketSource.ZENDESK, ZENDESK, properties.sources().zendesk());
        register(TicketSource.JIRA, JIRA, properties.sources().jira());
    }

    private void register(TicketSource source, Map<String, String> builtIn, Source settings) {
        Map<String, String> map = new HashMap<>(builtIn);
        if (settings.channels() != null) {
            settings.channels().forEach((k, v) -> map.put(k.toLowerCase(Locale.ROOT), v));
        }
        String name = source.tag();
        map.values().forEach(channel -> requirePlatformChannel(name + ".channels", channel));
        if (!settings.defaultChannel().isEmpty()) {
            requirePlatformChannel(name + ".default-channel", settings.defaultChannel());
        }
        maps.put(source, Map.copyOf(map));
        defaults.put(source, settings.defaultChannel());
    }

    private static void requirePlatformChannel(String property, String channel) {
        if (!PLATFORM_CHANNELS.contains(channel)) {
            throw new IllegalStateException("triage.ingestion.sources." + property + " maps to '" + channel
                    + "'; the platform's channels are " + PLATFORM_CHANNELS);
        }
    }

    /** The platform channel of {@code value}, or the default (null when none is configured). */
    public @Nullable String map(TicketSource source, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String mapped = Objects.requireNonNull(maps.get(source), "channels are mapped for pulled sources only")
                .get(value.strip().toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        meters.counter("ingestion_unmapped_channels_total", "source", source.tag())
                .increment();
        String fallback = Objects.requireNonNull(defaults.get(source), "registered with its mapping");
        return fallback.isEmpty() ? null : fallback;
    }
}
