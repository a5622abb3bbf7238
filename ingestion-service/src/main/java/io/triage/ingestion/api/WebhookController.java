package io.triage.ingestion.api;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.triage.ingestion.webhook.WebhookOutcome;
import io.triage.ingestion.webhook.WebhookReceiver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sources' webhooks. Authenticated by each source's own signature or shared secret (not an API key), checked
 * over the raw body before it is parsed; see {@code WebhookSecurityConfiguration}.
 */
@RestController
@Tag(name = "webhooks", description = "Tickets pushed by ServiceNow, Zendesk and Jira")
class WebhookController {

    private final WebhookReceiver receiver;

    WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    /** The answer: what became of the delivery. */
    record WebhookReceipt(String outcome) {
    }

    @PostMapping("/webhooks/{source}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Receive a ticket event from servicenow, zendesk or jira",
            description = "202 when stored, already received (duplicate) or carrying no ticket (ignored); 401 for a "
                    + "forged or stale signature; 400 naming the field of a malformed payload; 404 when the source "
                    + "is not enabled.")
    WebhookReceipt receive(@PathVariable String source, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        WebhookOutcome outcome = receiver.receive(source, headers, body == null ? new byte[0] : body);
        return new WebhookReceipt(outcome.name().toLowerCase(Locale.ROOT));
    }
}
