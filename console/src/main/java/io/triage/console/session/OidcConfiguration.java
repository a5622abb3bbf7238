package io.triage.console.session;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.console.config.ConsoleProperties;
import io.triage.platform.PlatformProperties;
import io.triage.platform.security.JwtChecks;
import io.triage.platform.security.JwtProperties;
import io.triage.platform.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * OpenID Connect sign-in, on when {@code triage.console.sign-in.oidc-registration} names a
 * {@code spring.security.oauth2.client.registration.<id>}. A person's tokens live in their HTTP session (gone when
 * they sign out or the session expires), not in a store shared by everyone with the same name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${triage.console.sign-in.oidc-registration:}'.isBlank()")
class OidcConfiguration {

    @Bean
    OAuth2AuthorizedClientRepository consoleAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OidcSignIn oidcSignIn(ObjectProvider<ClientRegistrationRepository> registrations, ConsoleProperties console,
            PlatformProperties platform, JwtProperties jwt, ObjectProvider<JwtDecoder> decoders,
            OAuth2AuthorizedClientRepository consoleAuthorizedClients, SignInOutcomes outcomes,
            ProblemResponses problems, @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookie) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        String id = String.valueOf(console.signIn().oidcRegistration());
        ClientRegistration registration = repository == null ? null : repository.findByRegistrationId(id);
        if (repository == null || registration == null) {
            throw new IllegalStateException("triage.console.sign-in.oidc-registration=" + id + " but there is no "
                    + "spring.security.oauth2.client.registration." + id + " (client-id, client-secret, scope) with "
                    + "its provider's issuer-uri");
        }
        // The same checks as the services': the access token must be for the triage API's audience.
        JwtChecks checks = JwtChecks.of(jwt, platform.security().jwtRolesClaim());
        return new OidcSignIn(repository, registration, consoleAuthorizedClients,
                new PendingSignIns(secureCookie, Clock.systemUTC()), checks,
                decoders.getIfAvailable(() -> providerKeys(registration)), console.signIn(), outcomes, problems);
    }

    @Bean
    AccessTokens accessTokens(ClientRegistrationRepository registrations, OidcSignIn oidc,
            OAuth2AuthorizedClientRepository consoleAuthorizedClients, ConsoleProperties console,
            MeterRegistry meters) {
        return new AccessTokens(registrations, consoleAuthorizedClients, console.signIn().refreshBeforeExpiry(),
                oidc.name(), meters);
    }

    /**
     * Without a {@code spring.security.oauth2.resourceserver.jwt.*} decoder, access tokens are checked against the
     * sign-in provider's keys (and issuer), read when the first token arrives.
     */
    private static JwtDecoder providerKeys(ClientRegistration registration) {
        String issuer = registration.getProviderDetails().getIssuerUri();
        if (StringUtils.hasText(issuer)) {
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
        }
        String keys = registration.getProviderDetails().getJwkSetUri();
        if (!StringUtils.hasText(keys)) {
            throw new IllegalStateException("The OpenID Connect provider of registration "
                    + registration.getRegistrationId() + " has neither issuer-uri nor jwk-set-uri");
        }
        return NimbusJwtDecoder.withJwkSetUri(keys).build();
    }
}
