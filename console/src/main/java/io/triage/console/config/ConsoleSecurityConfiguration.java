package io.triage.console.config;

import io.triage.platform.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The pages and the console's own API ({@code /api/**}, {@code /session}) are guarded by a session, not by the
 * platform's stateless API-key chain (which still guards actuator and everything else): a person signs in once
 * (POST /session) and the browser holds only an HttpOnly, SameSite=Strict session cookie, never the key. Every
 * state-changing call needs the CSRF token (cookie {@code XSRF-TOKEN}, echoed in header {@code X-XSRF-TOKEN}).
 * Roles are checked twice: by {@code @PreAuthorize} here and by the service called with the person's key or token.
 * Where OpenID Connect sign-in is configured, its endpoints ({@code /oauth2/authorization/<id>}, the callback
 * {@code /login/oauth2/code/<id>}) join this chain through {@link SignInEndpoints}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /**
     * The CSRF tokens (cookie {@code XSRF-TOKEN}, readable by the pages' script), shared with sign-in, which
     * replaces the token so that one handed out before it is worth nothing afterwards.
     */
    @Bean
    CookieCsrfTokenRepository consoleCsrfTokens() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ProblemResponses problems,
            CookieCsrfTokenRepository csrfTokens, ObjectProvider<SignInEndpoints> signInEndpoints) throws Exception {
        http.securityMatcher("/", "/index.html", "/assets/**", "/favicon.ico", "/session", "/api/**",
                        "/oauth2/authorization/**", "/login/oauth2/code/**")
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Sign in first (GET /session names the ways to sign in)"))
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Your role may not do this, or the CSRF token is missing")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico").permitAll()
                        .requestMatchers("/session").permitAll()
                        .anyRequest().authenticated());
        for (SignInEndpoints endpoints : signInEndpoints) {
            endpoints.configure(http);
        }
        return http.build();
    }
}
