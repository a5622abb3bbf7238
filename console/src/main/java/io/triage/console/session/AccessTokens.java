package io.triage.console.session;

import java.time.Duration;

import jakarta.servlet.http.HttpSession;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.platform.problem.UnauthenticatedException;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The access token of a person signed in with OpenID Connect, to forward to the services as a bearer token: the one
 * in their session while it is valid, else a new one obtained with the refresh token
 * ({@code triage.console.sign-in.refresh-before-expiry} ahead of its expiry). When the provider refuses to renew it,
 * the session ends and the page is told to sign in again (401). Renewals are counted in
 * {@code console_token_refreshes_total{outcome}}.
 */
public final class AccessTokens {

    private final OAuth2AuthorizedClientManager clients;
    private final String providerName;

    AccessTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients,
            Duration refreshBeforeExpiry, String providerName, MeterRegistry meters) {
        var refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setClockSkew(refreshBeforeExpiry);
        OAuth2AuthorizedClientProvider counted = context -> {
            try {
                OAuth2AuthorizedClient renewed = refresh.authorize(context);
                if (renewed != null) {
                    meters.counter("console.token.refreshes", "outcome", "refreshed").increment();
                }
                return renewed;
            } catch (OAuth2AuthorizationException e) {
                meters.counter("console.token.refreshes", "outcome", "failed").increment();
                throw e;
            }
        };
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
                new AuthorizationCodeOAuth2AuthorizedClientProvider(), counted));
        this.clients = manager;
        this.providerName = providerName;
    }

    /** A valid access token of the caller, renewed if need be; a 401 problem when that is no longer possible. */
    public String of(OAuth2AuthenticationToken caller) {
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(caller.getAuthorizedClientRegistrationId()).principal(caller).build());
        } catch (OAuth2AuthorizationException e) {
            client = null;
        }
        if (client == null) {
            endSession();
            throw new UnauthenticatedException("Sign in again", "Your sign-in with " + providerName + " has ended "
                    + "(it could not be renewed); sign in again");
        }
        return client.getAccessToken().getTokenValue();
    }

    /** The session holds no usable token any more: signed out here, so the page shows the sign-in form. */
    private static void endSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
    }
}
