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
import org.jspecify.annotations.Nullable;
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
 * before 2.55 (Debian bookworm ships 2.42) can send no other header.
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
        String presented = presentedKey(request);
        if (presented == null || presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> holder = authenticator.authenticate(presented);
        if (holder.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated(holder.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isEmpty()) {
            return header;
        }
        return isScrape(request) ? bearerToken(request) : null;
    }

    static boolean isScrape(HttpServletRequest request) {
        return SCRAPE_PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static @Nullable String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    private static UsernamePasswordAuthenticationToken authenticated(ApiKey key) {
        List<SimpleGrantedAuthority> authorities = key.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(key.name(), null, authorities);
    }
}
