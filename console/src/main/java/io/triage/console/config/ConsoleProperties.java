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
 */
@ConfigurationProperties("triage.console")
public record ConsoleProperties(
        @DefaultValue("http://127.0.0.1:8081") URI rulesEngine,
        @DefaultValue("http://127.0.0.1:8083") URI ingestionService,
        @DefaultValue("30") int backtestDays,
        @DefaultValue("200") int backtestTickets) {
}
