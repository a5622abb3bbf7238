package io.triage.classify.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.triage.classify.decision.DailyFigures;
import io.triage.classify.decision.DailyFiguresProperties;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /decisions/daily?from=YYYY-MM-DD&to=YYYY-MM-DD} (ops, analyst): the semantic cache's and each rule's
 * figures per UTC day, both ends included, computed from the decision log and its feedback, so every replica answers
 * the same. Without {@code to}, today (UTC); without {@code from}, {@code default-days} days up to {@code to}. A date
 * that does not parse, {@code from} after {@code to}, or a range over {@code max-days} days is a 400 naming the field.
 */
@RestController
class DailyFiguresController {

    /**
     * The answer.
     *
     * @param from the first day
     * @param to   the last day
     * @param days every day from {@code from} to {@code to}, oldest first
     */
    record DailyFiguresResponse(LocalDate from, LocalDate to, List<DailyFigures.Day> days) {
    }

    private final DailyFigures figures;
    private final DailyFiguresProperties settings;
    private final Clock clock = Clock.system(ZoneOffset.UTC);

    DailyFiguresController(DailyFigures figures, DailyFiguresProperties settings) {
        this.figures = figures;
        this.settings = settings;
    }

    @GetMapping("/decisions/daily")
    @PreAuthorize("hasAnyRole('OPS', 'ANALYST')")
    DailyFiguresResponse daily(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        LocalDate last = to == null ? LocalDate.now(clock) : date("to", to);
        LocalDate first = from == null ? last.minusDays(settings.defaultDays() - 1L) : date("from", from);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "from (" + first + ") is after to (" + last + ")");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > settings.maxDays()) {
            throw new InvalidInputException("to", "at most " + settings.maxDays() + " days per request, not " + days);
        }
        return new DailyFiguresResponse(first, last, figures.between(first, last));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a UTC date as YYYY-MM-DD is required, not '"
                    + abbreviate(value) + "'");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
