package io.triage.classify.chain;

import java.util.Locale;

import io.triage.classify.customer.CustomerHashes;
import io.triage.classify.taxonomy.SourceChannels;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.pii.PiiSanitizer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The chain's first step: nothing downstream (tiers, logs, prompts, audit) ever sees the raw text; the channel is
 * the platform's (a source's value mapped, or a ticketing system's unmapped value kept in lower case); the customer
 * id is kept only as its keyed hash.
 */
@Component
class TicketSanitiser {

    private final PiiSanitizer sanitizer;
    private final SourceChannels channels;
    private final CustomerHashes customers;

    TicketSanitiser(PiiSanitizer sanitizer, SourceChannels channels, CustomerHashes customers) {
        this.sanitizer = sanitizer;
        this.channels = channels;
        this.customers = customers;
    }

    SanitisedTicket sanitise(TicketInput input) {
        String subject = input.subject() == null ? "" : sanitizer.sanitize(input.subject()).text();
        String description = sanitizer.sanitize(input.description()).text();
        String channel = input.channel() == null || input.channel().isBlank() ? ""
                : channels.platformChannel(input.sourceSystem(), input.channel());
        String customerHash = input.customerId() == null ? null : customers.keyed(input.customerId());
        String source = input.sourceSystem() == null ? "api" : input.sourceSystem();
        return new SanitisedTicket(input.ticketId(), subject, description, channel, customerHash, source,
                language(input.language()), segment(input.customerSegment()));
    }

    /**
     * The caller's tag (checked by {@link TicketValidation}) in canonical case ({@code EN-gb} → {@code en-GB}). Nothing in the pipeline detects the
     * language (the PII sanitiser does not), so a ticket sent without one has none.
     */
    static @Nullable String language(@Nullable String tag) {
        return tag == null ? null : new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
    }

    private static @Nullable String segment(@Nullable String segment) {
        return segment == null ? null : segment.toLowerCase(Locale.ROOT);
    }
}
