package io.triage.platform.events;

import java.util.List;

import io.triage.platform.problem.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ops/events/dead-letters}: the event publications given up after their redeliveries (role OPS), newest
 * first, without their payloads. What to do with one (fix the receiver, then replay it by hand) is in the README.
 */
@RestController
class DeadLetterController {

    private static final int MAX_LIMIT = 500;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/ops/events/dead-letters")
    @PreAuthorize("hasRole('OPS')")
    List<DeadLetters.DeadLetter> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "between 1 and " + MAX_LIMIT);
        }
        return deadLetters.latest(limit);
    }
}
