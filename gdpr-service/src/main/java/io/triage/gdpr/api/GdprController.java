package io.triage.gdpr.api;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.triage.gdpr.erasure.DeletionRequest;
import io.triage.gdpr.erasure.DeletionRequests;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * GDPR erasure: accepted at once (202), applied by every store asynchronously, tracked by request id; the requests
 * are listed page by page, newest first, with filters.
 */
@RestController
class GdprController {

    private final DeletionRequests requests;

    GdprController(DeletionRequests requests) {
        this.requests = requests;
    }

    record DeleteCustomerData(@NotBlank @Size(max = 128) String customerId, @Nullable @Size(max = 1000) String reason) {
    }

    @PostMapping("/gdpr/delete-customer-data")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('COMPLIANCE')")
    DeletionRequest delete(@Valid @RequestBody DeleteCustomerData body, Principal caller) {
        return requests.request(body.customerId(), caller.getName(), body.reason());
    }

    /** One page of requests; {@code next} is the {@code after} of the following page, null on the last one. */
    record RequestPage(List<DeletionRequest> items, @Nullable String next) {
    }

    /**
     * The requests, newest first: {@code status} (IN_PROGRESS or COMPLETED), {@code overdue} (true or false),
     * {@code since} and {@code until} (ISO-8601 instants, on when the request was made; since inclusive, until
     * exclusive), {@code limit} (1–200, default 50), {@code after} (the previous page's {@code next}).
     */
    @GetMapping("/gdpr/requests")
    @PreAuthorize("hasRole('COMPLIANCE')")
    RequestPage list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String overdue,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String limit) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("until", "until must be later than since");
        }
        DeletionRequests.Filter filter = new DeletionRequests.Filter(status(status), flag(overdue), from, to);
        DeletionRequests.Page page = requests.page(filter, position(after), limit(limit));
        DeletionRequests.Position next = page.next();
        return new RequestPage(page.items(), next == null ? null : cursor(next));
    }

    @GetMapping("/gdpr/requests/{id}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    DeletionRequest get(@PathVariable UUID id) {
        return requests.find(id).orElseThrow(() -> new NotFoundException("No deletion request " + id));
    }

    private static DeletionRequest.@Nullable Status status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeletionRequest.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "status must be IN_PROGRESS or COMPLETED");
        }
    }

    private static @Nullable Boolean flag(@Nullable String overdue) {
        if (overdue == null || overdue.isBlank()) {
            return null;
        }
        return switch (overdue) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException("overdue", "overdue must be true or false");
        };
    }

    private static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int number = Integer.parseInt(limit);
            if (number >= 1 && number <= 200) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("limit", "limit must be between 1 and 200");
    }

    /** The cursor: the last listed request's time and id, base64url, so it reads as one opaque token. */
    private static String cursor(DeletionRequests.Position position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (position.createdAt() + "|" + position.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static DeletionRequests.@Nullable Position position(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 2) {
                return new DeletionRequests.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw new InvalidInputException("after", "after must be the next value of the previous page");
    }
}
