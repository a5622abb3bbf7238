package io.triage.console.config;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

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
 * @param signIn how people sign in: with their API key (the local default), with OpenID Connect, or both
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
        @DefaultValue("5") int signInFailuresPerMinute,
        @DefaultValue SignIn signIn) {

    /**
     * The sign-in methods ({@code triage.console.sign-in.*}).
     *
     * @param apiKey whether {@code POST /session} with a person's API key signs in; on by default (local use,
     *        {@code ./triage up}), turned off where people sign in with OpenID Connect only
     * @param oidcRegistration the id of the {@code spring.security.oauth2.client.registration.<id>} people sign in
     *        with (authorization code flow with PKCE); unset (the default), OpenID Connect sign-in is off. The
     *        registration's {@code scope} must ask for the triage API (e.g. {@code api://triage/user_impersonation})
     *        and {@code offline_access}: the access token it yields is the one forwarded to the services, so its
     *        {@code aud} must be one of {@code triage.platform.security.jwt.audiences}
     * @param oidcName the provider's name on the sign-in form ("Sign in with <name>"); unset, the registration's
     *        {@code client-name}
     * @param refreshBeforeExpiry how long before its expiry an access token is refreshed with the refresh token
     *        (so that a token forwarded to a service is not expired when it arrives)
     * @param postLogoutRedirectUri where the provider sends the browser after signing out of it (RP-initiated
     *        logout, registered with the provider); unset, the console's own address as the request reached it
     */
    public record SignIn(
            @DefaultValue("true") boolean apiKey,
            @Nullable String oidcRegistration,
            @Nullable String oidcName,
            @DefaultValue("60s") Duration refreshBeforeExpiry,
            @Nullable URI postLogoutRedirectUri) {

        /** Whether people sign in with OpenID Connect. */
        public boolean oidc() {
            return oidcRegistration != null && !oidcRegistration.isBlank();
        }
    }
}
