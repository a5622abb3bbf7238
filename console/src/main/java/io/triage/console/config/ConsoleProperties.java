package io.triage.console.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the services it fronts ({@code triage.console.*}).
 *
 * @param rulesEngine base URL of rules-engine (the Rules page)
 * @param ingestionService base URL of ingestion-service (recent labelled tickets, the Rules page's backtest sample)
 * @param backtestDays how far back labelled tickets are taken as the backtest sample
 * @param backtestTickets at most this many labelled tickets in the sample (one page of ingestion-service's feed)
 * @param classifyService base URL of classify-service (the review queue's feedback)
 * @param reviewTickets how many of the most recent tickets the review queue looks through for NEEDS_REVIEW decisions
 * @param auditService base URL of audit-service (the Compliance page's chain verification)
 * @param gdprService base URL of gdpr-service (the Compliance page's erasure requests)
 * @param signInFailuresPerMinute failed sign-ins one client address may make per minute; further attempts, right or
 *        wrong, are answered 429 until the minute is over
 */
@ConfigurationProperties("triage.console")
public record ConsoleProperties(
        @DefaultValue("http://127.0.0.1:8081") URI rulesEngine,
        @DefaultValue("http://127.0.0.1:8083") URI ingestionService,
        @DefaultValue("30") int backtestDays,
        @DefaultValue("200") int backtestTickets,
        @DefaultValue("http://127.0.0.1:8080") URI classifyService,
        @DefaultValue("50") int reviewTickets,
        @DefaultValue("http://127.0.0.1:8084") URI auditService,
        @DefaultValue("http://127.0.0.1:8085") URI gdprService,
        @DefaultValue("5") int signInFailuresPerMinute) {
}
