package io.triage.classify.chain;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many classification requests run at once ({@code triage.classify.admission.*}); see {@link Admission}.
 *
 * @param maxConcurrent requests of {@code /classify} and {@code /batch-classify} running at the same time; on
 *                      2 cores about 16 keep the machine busy without letting queues build up inside it
 * @param maxWait       how long a request may wait for a slot before it is refused with 503
 * @param retryAfter    the Retry-After sent with that 503
 */
@Validated
@ConfigurationProperties("triage.classify.admission")
public record AdmissionProperties(
        @DefaultValue("16") @Min(1) int maxConcurrent,
        @DefaultValue("20ms") Duration maxWait,
        @DefaultValue("1s") Duration retryAfter) {
}
