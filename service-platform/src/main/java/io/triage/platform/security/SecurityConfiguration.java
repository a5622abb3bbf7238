package io.triage.platform.security;

import java.util.Arrays;
import java.util.Set;

import io.triage.platform.PlatformProperties;
import io.triage.platform.PlatformProperties.Mode;
import io.triage.platform.PlatformProperties.Role;
import io.triage.platform.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every endpoint needs credentials except health probes. API keys (header {@code X-API-Key}) always; in
 * {@code jwt} mode a bearer JWT as well, for this application's audience only and with namespaced roles
 * ({@link JwtProperties}). Controllers guard operations with {@code @PreAuthorize("hasRole('ANALYST')")}; ADMIN
 * implies every role.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    /** Well-known keys for local use only; a production deployment sets {@code allow-default-keys=false}. */
    static final Set<String> LOCAL_KEYS = Set.of("local-admin-key", "local-classifier-key", "local-analyst-key",
            "local-ops-key", "local-agent-key", "local-compliance-key", "local-classify-service-key", "local-ingestion-service-key",
            "local-embedding-service-key", "local-gdpr-service-key");

    @Bean
    static RoleHierarchy roleHierarchy() {
        String[] others = Arrays.stream(Role.values()).filter(role -> role != Role.ADMIN).map(Role::name)
                .toArray(String[]::new);
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.name()).implies(others).build();
    }

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, PlatformProperties properties, JwtProperties jwtProperties,
            ObjectProvider<JwtDecoder> jwtDecoders, ProblemResponses problems) throws Exception {
        var handlers = new ProblemSecurityHandlers(problems);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**", "/metrics").hasRole(Role.OPS.name())
                        .anyRequest().authenticated());
        PlatformProperties.Security security = properties.security();
        // API keys are always accepted (service-to-service calls, Prometheus); jwt mode adds bearer tokens for
        // people and external clients.
        ApiKeyAuthenticator apiKeys = new ApiKeyAuthenticator(security.apiKeys());
        refuseLocalKeysWhereForbidden(security, apiKeys);
        http.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, handlers), AnonymousAuthenticationFilter.class);
        if (security.mode() == Mode.JWT) {
            JwtChecks checks = JwtChecks.of(jwtProperties, security.jwtRolesClaim());
            // Prometheus' API key sent as bearer token to a scrape endpoint is no JWT (ApiKeyAuthenticationFilter).
            var jwtTokens = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(oauth -> oauth
                    .bearerTokenResolver(request -> ApiKeyAuthenticationFilter.scrapeKey(request, apiKeys).isPresent()
                            ? null : jwtTokens.resolve(request))
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers)
                    .jwt(jwt -> jwt.decoder(checks.checking(jwtDecoders.getObject()))
                            .jwtAuthenticationConverter(checks.authentication())));
        }
        return http.build();
    }

    /** Also when only a local key's digest is configured. */
    static void refuseLocalKeysWhereForbidden(PlatformProperties.Security security, ApiKeyAuthenticator authenticator) {
        if (!security.allowDefaultKeys() && authenticator.acceptsAnyOf(LOCAL_KEYS)) {
            throw new IllegalStateException("triage.platform.security.allow-default-keys=false but a well-known "
                    + "local API key is configured; set real keys through the environment or a Secret");
        }
    }
}
