package io.triage.simulators.servicenow;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Tokens issued by {@code oauth_token.do}. A password grant while the user's access token is still valid returns the
 * same token with its expiry extended (as ServiceNow documents); a refresh grant returns only a new access token.
 */
final class OAuthTokens {

    /** An issued token and whom it represents (a user, or the app for client credentials). */
    record Token(String value, String subject, String scope, Instant expiresAt) {
        boolean validAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    /** What the token endpoint answers with; {@code refresh} is null when no refresh token is issued. */
    record Grant(Token access, @Nullable Token refresh) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Token> accessTokens = new HashMap<>();
    private final Map<String, Token> refreshTokens = new HashMap<>();
    private final Map<String, Token> currentAccessBySubject = new HashMap<>();

    OAuthTokens(Clock clock) {
        this.clock = clock;
    }

    synchronized Grant password(String user, String scope, Duration accessTtl, Duration refreshTtl) {
        Instant now = clock.instant();
        Token current = currentAccessBySubject.get(user);
        Token access;
        if (current != null && current.validAt(now)) {
            access = new Token(current.value(), user, current.scope(), now.plus(accessTtl));
            accessTokens.put(access.value(), access);
            currentAccessBySubject.put(user, access);
        } else {
            access = newAccess(user, scope, accessTtl);
        }
        Token refresh = new Token(newValue(), user, scope, now.plus(refreshTtl));
        refreshTokens.put(refresh.value(), refresh);
        return new Grant(access, refresh);
    }

    synchronized Grant clientCredentials(String clientId, String scope, Duration accessTtl) {
        return new Grant(newAccess("client:" + clientId, scope, accessTtl), null);
    }

    /** A new access token for a valid refresh token, or null when it is unknown or expired. */
    synchronized @Nullable Grant refresh(String refreshValue, Duration accessTtl) {
        Token refresh = refreshTokens.get(refreshValue);
        if (refresh == null || !refresh.validAt(clock.instant())) {
            return null;
        }
        return new Grant(newAccess(refresh.subject(), refresh.scope(), accessTtl), null);
    }

    /** Whom a valid access token represents, or null when it is unknown or expired. */
    synchronized @Nullable String subject(String accessValue) {
        Token token = accessTokens.get(accessValue);
        return token != null && token.validAt(clock.instant()) ? token.subject() : null;
    }

    synchronized void clear() {
        accessTokens.clear();
        refreshTokens.clear();
        currentAccessBySubject.clear();
    }

    private Token newAccess(String subject, String scope, Duration ttl) {
        Token access = new Token(newValue(), subject, scope, clock.instant().plus(ttl));
        accessTokens.put(access.value(), access);
        currentAccessBySubject.put(subject, access);
        return access;
    }

    private String newValue() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
