package io.triage.audit.chain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * A decision to record, as sent by classify-service. Carries identifiers and labels only — never ticket text or
 * other personal data. {@code decidedAt} is the seed's {@code timestamp}; tier latencies are in microseconds.
 * Who recorded it is the authenticated principal, never a body field: {@code onBehalfOf} is only what the caller
 * claims about the end user it acted for (the former {@code userId} property is read into it).
 */
public record NewAuditEvent(
        @NotNull UUID eventId,
        @NotBlank @Size(max = 128) String ticketId,
        @JsonAlias("userId") @Size(max = 128) @Nullable String onBehalfOf,
        @NotBlank @Size(max = 64) String modelVersion,
        @Size(max = 64) @Nullable String ruleSetVersion,
        @NotNull RoutingMethod routingMethod,
        @NotNull @Valid Prediction prediction,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal confidence,
        @NotNull Instant decidedAt,
        @Size(max = 32) @Nullable String channel,
        @Size(max = 16) @Nullable String language,
        @Size(max = 32) @Nullable String customerSegment,
        @Nullable Map<String, @NotNull @PositiveOrZero Long> tierLatenciesMicros,
        @Size(max = 64) @Nullable String traceId) {
}
