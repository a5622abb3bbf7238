package io.triage.classify.decision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily cache and rule figures read from the decision log ({@code triage.classify.daily-figures.*}).
 *
 * @param maxDays         the longest range {@code GET /decisions/daily} answers, in days (both ends included); a
 *                        longer one is a 400 naming {@code to}
 * @param defaultDays     the days {@code GET /decisions/daily} answers without {@code from}: this many, up to
 *                        {@code to} (today, UTC, when not given either)
 * @param refreshInterval how often each replica reads today's figures from the decision log for the gauges
 *                        {@code cache_hit_rate_daily}, {@code cache_reuse_accuracy_daily} and
 *                        {@code rule_accuracy_daily}; every replica reads the same rows, so they report the same
 *                        numbers, at most this much apart in time
 */
@ConfigurationProperties("triage.classify.daily-figures")
public record DailyFiguresProperties(
        @DefaultValue("92") int maxDays,
        @DefaultValue("7") int defaultDays,
        @DefaultValue("30s") Duration refreshInterval) {

    public DailyFiguresProperties {
        if (maxDays < 1) {
            throw new IllegalArgumentException("triage.classify.daily-figures.max-days must be at least 1");
        }
        if (defaultDays < 1 || defaultDays > maxDays) {
            throw new IllegalArgumentException(
                    "triage.classify.daily-figures.default-days must be 1-" + maxDays + ", not " + defaultDays);
        }
    }
}
