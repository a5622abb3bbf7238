package io.triage.classify.taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps the channel values a source sends (ServiceNow {@code contact_type}, Zendesk {@code via.channel}, or any
 * configured source's) to the platform's channels. The built-in maps are ingestion-service's, so a ticket reads the
 * same whether it came through ingestion or straight from a ServiceNow Business Rule. A ticketing system's value
 * without a mapping is kept (lower case) and counted in {@code classify_unmapped_channels_total{source}}: the
 * source produced it, and refusing the ticket would only lose it. Any other caller's unknown value is refused.
 */
@Component
public class SourceChannels {

    /** Sources whose unmapped channel values are kept rather than refused. */
    public static final Set<String> TICKETING_SYSTEMS = Set.of("servicenow", "zendesk", "jira");

    static final Map<String, String> SERVICENOW = Map.of(
            "email", "email", "phone", "phone", "self-service", "web", "chat", "chat", "virtual_agent", "chat",
            "social", "social");

    static final Map<String, String> ZENDESK = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("web", "web"), Map.entry("web_form", "web"),
            Map.entry("web_widget", "web"), Map.entry("mobile_sdk", "web"), Map.entry("mobile", "web"),
            Map.entry("voice", "phone"), Map.entry("chat", "chat"), Map.entry("native_messaging", "chat"),
            Map.entry("whatsapp", "chat"), Map.entry("twitter", "social"), Map.entry("facebook", "social"),
            Map.entry("instagram_dm", "social"));

    private static final Logger log = LoggerFactory.getLogger(SourceChannels.class);

    private final List<String> channels;
    private final Map<String, Map<String, String>> maps;
    private final MeterRegistry meters;

    public SourceChannels(TaxonomyProperties properties, MeterRegistry meters) {
        this.channels = properties.channels();
        this.meters = meters;
        Map<String, Map<String, String>> merged = new HashMap<>();
        builtIn("servicenow", SERVICENOW, merged);
        builtIn("zendesk", ZENDESK, merged);
        properties.sourceChannels().forEach((source, values) -> values.forEach((value, channel) -> {
            if (!channels.contains(channel)) {
                throw new IllegalStateException("triage.classify.taxonomy.source-channels." + source + "." + value
                        + " maps to '" + channel + "'; the channels are " + channels);
            }
            merged.computeIfAbsent(source, s -> new HashMap<>()).put(value, channel);
        }));
        Map<String, Map<String, String>> frozen = new HashMap<>();
        merged.forEach((source, map) -> frozen.put(source, Map.copyOf(map)));
        this.maps = Map.copyOf(frozen);
    }

    /** A built-in entry to a channel this deployment does not have is left out, not an error. */
    private void builtIn(String source, Map<String, String> values, Map<String, Map<String, String>> into) {
        values.forEach((value, channel) -> {
            if (channels.contains(channel)) {
                into.computeIfAbsent(source, s -> new HashMap<>()).put(value, channel);
            }
        });
    }

    /** The accepted channels, lower case. */
    public List<String> channels() {
        return channels;
    }

    /** What {@code value} (any case) sent by {@code sourceSystem} (any case; null for none) is on the platform. */
    public ChannelValue resolve(@Nullable String sourceSystem, String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        String source = sourceSystem == null ? "" : sourceSystem.strip().toLowerCase(Locale.ROOT);
        String mapped = maps.getOrDefault(source, Map.of()).get(lower);
        if (mapped != null) {
            return new ChannelValue.Known(mapped);
        }
        if (channels.contains(lower)) {
            return new ChannelValue.Known(lower);
        }
        return TICKETING_SYSTEMS.contains(source) ? new ChannelValue.Kept(lower, source) : new ChannelValue.Unknown();
    }

    /**
     * The channel a ticket carries from here on, counting a kept unmapped value. Call once per classified ticket,
     * after validation refused the unknown ones.
     */
    public String platformChannel(@Nullable String sourceSystem, String value) {
        return switch (resolve(sourceSystem, value)) {
            case ChannelValue.Known known -> known.channel();
            case ChannelValue.Kept kept -> {
                Counter.builder("classify_unmapped_channels")
                        .description("Channel values of a ticketing system with no mapping, kept as sent")
                        .tag("source", kept.source()).register(meters).increment();
                log.debug("{} channel '{}' has no mapping; kept", kept.source(), kept.channel());
                yield kept.channel();
            }
            case ChannelValue.Unknown unknown -> throw new IllegalStateException(
                    "unknown channels are refused by validation before a ticket is classified");
        };
    }
}
