package io.triage.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

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
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

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

    private static UsernamePasswordAuthenticationToken authenticated(ApiKey key) {
        List<SimpleGrantedAuthority> authorities = key.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(key.name(), null, authorities);
    }
}
