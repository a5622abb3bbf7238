package io.triage.simulators.servicenow;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How the ServiceNow simulator behaves; defaults follow INTEGRATIONS.md §1. The settings marked unconfirmed there are
 * switchable here, so a client can be tested against either reading.
 *
 * @param clientId                  OAuth client id (Application Registry)
 * @param clientSecret              OAuth client secret
 * @param username                  integration user, for the password grant and basic auth
 * @param password                  that user's password
 * @param accessTokenTtl            access-token lifetime (ServiceNow default 30 min)
 * @param refreshTokenTtl           refresh-token lifetime (ServiceNow default 100 days)
 * @param clientCredentialsGrant    whether {@code grant_type=client_credentials} is accepted (release that added it
 *                                  is unconfirmed)
 * @param queryZone                 zone in which {@code sysparm_query} date-time literals are read (UTC or the user's
 *                                  zone is unconfirmed; stored values are always UTC)
 * @param invalidQueryReturnsNoRows {@code glide.invalid_query.returns_no_rows}: false (the default) ignores invalid
 *                                  query parts, true makes such queries return nothing
 * @param prevLinkOnFirstPage       whether the {@code Link} header carries {@code rel="prev"} (with a negative offset)
 *                                  on the first page, as a real 2015 sample did (secondary)
 * @param displayReferencesKeepLink whether reference fields keep {@code link} with {@code sysparm_display_value=true}
 *                                  (unconfirmed; with {@code all} they always do)
 */
public record ServiceNowSettings(String clientId, String clientSecret, String username, String password,
                                 Duration accessTokenTtl, Duration refreshTokenTtl, boolean clientCredentialsGrant,
                                 ZoneId queryZone, boolean invalidQueryReturnsNoRows, boolean prevLinkOnFirstPage,
                                 boolean displayReferencesKeepLink) {

    /** Well-known local credentials: client {@code sim-client}/{@code sim-secret}, user {@code integration}/{@code integration-password}. */
    public static ServiceNowSettings defaults() {
        return new ServiceNowSettings("sim-client", "sim-secret", "integration", "integration-password",
                Duration.ofMinutes(30), Duration.ofDays(100), true, ZoneOffset.UTC, false, true, true);
    }

    public ServiceNowSettings withAccessTokenTtl(Duration ttl) {
        return new ServiceNowSettings(clientId, clientSecret, username, password, ttl, refreshTokenTtl,
                clientCredentialsGrant, queryZone, invalidQueryReturnsNoRows, prevLinkOnFirstPage, displayReferencesKeepLink);
    }

    public ServiceNowSettings withClientCredentialsGrant(boolean enabled) {
        return new ServiceNowSettings(clientId, clientSecret, username, password, accessTokenTtl, refreshTokenTtl,
                enabled, queryZone, invalidQueryReturnsNoRows, prevLinkOnFirstPage, displayReferencesKeepLink);
    }

    public ServiceNowSettings withQueryZone(ZoneId zone) {
        return new ServiceNowSettings(clientId, clientSecret, username, password, accessTokenTtl, refreshTokenTtl,
                clientCredentialsGrant, zone, invalidQueryReturnsNoRows, prevLinkOnFirstPage, displayReferencesKeepLink);
    }

    public ServiceNowSettings withInvalidQueryReturnsNoRows(boolean noRows) {
        return new ServiceNowSettings(clientId, clientSecret, username, password, accessTokenTtl, refreshTokenTtl,
                clientCredentialsGrant, queryZone, noRows, prevLinkOnFirstPage, displayReferencesKeepLink);
    }

    public ServiceNowSettings withPrevLinkOnFirstPage(boolean prev) {
        return new ServiceNowSettings(clientId, clientSecret, username, password, accessTokenTtl, refreshTokenTtl,
                clientCredentialsGrant, queryZone, invalidQueryReturnsNoRows, prev, displayReferencesKeepLink);
    }

    public ServiceNowSettings withDisplayReferencesKeepLink(boolean keepLink) {
        return new ServiceNowSettings(clientId, clientSecret, username, password, accessTokenTtl, refreshTokenTtl,
                clientCredentialsGrant, queryZone, invalidQueryReturnsNoRows, prevLinkOnFirstPage, keepLink);
    }
}
