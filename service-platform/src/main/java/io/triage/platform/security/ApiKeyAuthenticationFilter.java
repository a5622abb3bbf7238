package io.triage.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.triage.platform.PlatformProperties.ApiKey;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request carrying an {@code X-API-Key} header. A request without the header passes through
 * unauthenticated (and is refused later if the endpoint needs credentials); a wrong key is refused at once.
 * The scrape endpoints ({@link #SCRAPE_PATHS}) also take the key as {@code Authorization: Bearer <key>}: Prometheus
 * before 2.55 (Debian bookworm ships 2.42) can send no other header. A bearer token that is no known key is left
 * alone there (a JWT in jwt mode; otherwise the request stays unauthenticated and is refused).
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    /** Where Prometheus scrapes; only these take the API key as a bearer token. */
    static final Set<String> SCRAPE_PATHS = Set.of("/actuator/prometheus", "/metrics");
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isEmpty()) {
            // A bearer token that is no API key passes on: in jwt mode it is a JWT (SecurityConfiguration).
            scrapeKey(request, authenticator).ifPresent(ApiKeyAuthenticationFilter::authenticate);
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> holder = authenticator.authenticate(presented);
        if (holder.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
            return;
        }
        authenticate(holder.get());
        chain.doFilter(request, response);
    }

    /** The holder of the API key sent as bearer token to a scrape endpoint, if the token is one. */
    static Optional<ApiKey> scrapeKey(HttpServletRequest request, ApiKeyAuthenticator authenticator) {
        if (!SCRAPE_PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
            return Optional.empty();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : authenticator.authenticate(token);
    }

    private static void authenticate(ApiKey key) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated(key));
        SecurityContextHolder.setContext(context);
    }

    private static UsernamePasswordAuthenticationToken authenticated(ApiKey key) {
        List<SimpleGrantedAuthority> authorities = key.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(key.name(), null, authorities);
    }
}
