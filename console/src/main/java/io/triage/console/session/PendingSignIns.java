package io.triage.console.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * The OpenID Connect sign-ins under way (state, nonce, PKCE verifier), kept server-side and bound to the browser by
 * an HttpOnly cookie {@value #COOKIE} with {@code SameSite=Lax}, valid only on the callback path for 10 minutes.
 *
 * <p>Not in the HTTP session, as Spring keeps them by default: the session cookie is {@code SameSite=Strict}, so a
 * browser does not send it on the provider's redirect back to the callback (a cross-site navigation) and the sign-in
 * would fail with {@code authorization_request_not_found}. The callback needs its own cookie that a top-level
 * cross-site navigation carries; the session cookie's strictness stays.
 */
final class PendingSignIns implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "TRIAGE_OIDC";
    private static final String PATH = "/login/oauth2/code";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Bound on sign-ins under way; all are dropped when it is reached (those people start again). */
    private static final int MAX_PENDING = 10_000;

    private record Pending(OAuth2AuthorizationRequest request, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final boolean secureCookie;
    private final Clock clock;

    PendingSignIns(boolean secureCookie, Clock clock) {
        this.secureCookie = secureCookie;
        this.clock = clock;
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String id = idOf(request);
        Pending found = id == null ? null : pending.get(id);
        if (state == null || found == null || found.expires().isBefore(clock.instant())
                || !state.equals(found.request().getState())) {
            return null;
        }
        return found.request();
    }

    @Override
    public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
            HttpServletRequest request, HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        Instant now = clock.instant();
        pending.values().removeIf(old -> old.expires().isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            pending.clear();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(id, new Pending(authorizationRequest, now.plus(LIFETIME)));
        cookie(response, id, LIFETIME);
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        if (found != null) {
            pending.remove(idOf(request));
            cookie(response, "", Duration.ZERO);
        }
        return found;
    }

    private static @Nullable String idOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private void cookie(HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value).path(PATH).maxAge(maxAge)
                .httpOnly(true).secure(secureCookie).sameSite("Lax").build().toString());
    }
}
