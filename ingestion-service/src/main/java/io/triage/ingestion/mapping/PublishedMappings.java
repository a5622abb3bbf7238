package io.triage.ingestion.mapping;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * This replica's copy of each source's published mapping, read and checked once per version. The published version
 * is looked up again (one indexed row) when the copy is older than {@code triage.ingestion.mappings.refresh-interval},
 * so a publish or rollback on another replica is followed within that time; on this replica {@link #forget} follows
 * it at once.
 */
@Component
class PublishedMappings {

    private static final Logger log = LoggerFactory.getLogger(PublishedMappings.class);

    /** A source's published mapping, or none, as last looked up. */
    private record Copy(long activationId, int version, @Nullable FieldMapping mapping, Instant checkedAt) {
    }

    /** A published mapping and its version. */
    record Published(int version, FieldMapping mapping) {
    }

    private final MappingStore store;
    private final MappingParser parser = new MappingParser();
    private final Clock clock;
    private final IngestionProperties.Mappings settings;
    private final MeterRegistry meters;
    private final Map<TicketSource, Copy> copies = new ConcurrentHashMap<>();

    PublishedMappings(MappingStore store, Clock clock, IngestionProperties properties, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.settings = properties.mappings();
        this.meters = meters;
    }

    /** The source's published mapping; empty when none is published (write-back is off for it). */
    Optional<Published> get(TicketSource source) {
        Copy copy = copies.get(source);
        Instant now = clock.instant();
        if (copy == null || !copy.checkedAt().plus(settings.refreshInterval()).isAfter(now)) {
            copy = refresh(source, copy, now);
        }
        FieldMapping mapping = copy.mapping();
        return mapping == null ? Optional.empty() : Optional.of(new Published(copy.version(), mapping));
    }

    /** Drops this replica's copy: the next {@link #get} reads the published version again. */
    void forget(TicketSource source) {
        copies.remove(source);
    }

    private Copy refresh(TicketSource source, @Nullable Copy stale, Instant now) {
        Optional<MappingActivation> current;
        try {
            current = store.currentActivation(source);
        } catch (DataAccessException e) {
            if (stale == null) {
                throw e;
            }
            // The database is briefly unreachable: keep the copy in use and look again next time.
            log.warn("Could not look up the published {} mapping: {}", source.tag(), e.getMessage());
            return stale;
        }
        Copy fresh;
        if (current.isEmpty()) {
            fresh = new Copy(0, 0, null, now);
        } else if (stale != null && stale.activationId() == current.get().id()) {
            fresh = new Copy(stale.activationId(), stale.version(), stale.mapping(), now);
        } else {
            fresh = load(source, current.get(), now);
        }
        copies.put(source, fresh);
        return fresh;
    }

    private Copy load(TicketSource source, MappingActivation activation, Instant now) {
        String yaml = store.version(source, activation.version()).orElseThrow().yaml();
        // Checked against the taxonomy when it was published; here only read, so no call to classify-service.
        MappingReport report = parser.parse(source, yaml, null);
        if (!report.valid()) {
            // Only a parser that became stricter than the one that published it gets here: write back nothing.
            log.error("Published {} mapping version {} no longer reads: {}", source.tag(), activation.version(),
                    report.problems().getFirst().message());
            meters.counter("ingestion_mapping_unreadable_total", "source", source.tag()).increment();
        } else {
            log.info("Using {} mapping version {} ({} by {})", source.tag(), activation.version(), activation.action(),
                    activation.activatedBy());
        }
        return new Copy(activation.id(), activation.version(), report.mapping(), now);
    }
}
