package io.triage.classify.chain;

import java.util.Locale;

import io.triage.classify.tier.Hashes;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.pii.PiiSanitizer;
import org.springframework.stereotype.Component;

/** The chain's first step: nothing downstream (tiers, logs, prompts, audit) ever sees the raw text. */
@Component
class TicketSanitiser {

    private final PiiSanitizer sanitizer;

    TicketSanitiser(PiiSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    SanitisedTicket sanitise(TicketInput input) {
        String subject = input.subject() == null ? "" : sanitizer.sanitize(input.subject()).text();
        String description = sanitizer.sanitize(input.description()).text();
        String channel = input.channel() == null ? "" : input.channel().toLowerCase(Locale.ROOT);
        String customerHash = input.customerId() == null ? null : Hashes.sha256(input.customerId());
        String source = input.sourceSystem() == null ? "api" : input.sourceSystem();
        return new SanitisedTicket(input.ticketId(), subject, description, channel, customerHash, source);
    }
}
