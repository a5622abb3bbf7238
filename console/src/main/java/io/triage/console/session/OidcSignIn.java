package io.triage.console.session;

import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.config.SignInEndpoints;
import io.triage.platform.PlatformProperties.Role;
import io.triage.platform.security.JwtChecks;
import io.triage.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing in with OpenID Connect (authorization code flow with PKCE): {@code GET /oauth2/authorization/<id>} sends
 * the browser to the provider, which sends it back to {@code /login/oauth2/code/<id>}. The person's roles are read
 * from the access token issued for the triage API exactly as the services read them ({@link JwtChecks}: audience,
 * namespaced {@code roles}), so the console shows what the services will allow; a token without a person's role, or
 * with a service's, is refused (403) as a system's API key is. The tokens stay in the server-side session.
 */
final class OidcSignIn implements SignInEndpoints {

    static final String NOT_A_PERSON = "not_a_person";

    private final ClientRegistrationRepository registrations;
    private final ClientRegistration registration;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final PendingSignIns pending;
    private final JwtChecks checks;
    private final JwtDecoder accessTokens;
    private final ConsoleProperties.SignIn settings;
    private final SignInOutcomes outcomes;
    private final ProblemResponses problems;
    private final OidcUserService users = new OidcUserService();

    OidcSignIn(ClientRegistrationRepository registrations, ClientRegistration registration,
            OAuth2AuthorizedClientRepository authorizedClients, PendingSignIns pending, JwtChecks checks,
            JwtDecoder accessTokens, ConsoleProperties.SignIn settings, SignInOutcomes outcomes,
            ProblemResponses problems) {
        this.registrations = registrations;
        this.registration = registration;
        this.authorizedClients = authorizedClients;
        this.pending = pending;
        this.checks = checks;
        this.accessTokens = checks.checking(accessTokens);
        this.settings = settings;
        this.outcomes = outcomes;
        this.problems = problems;
        // Who the person is comes from the ID token; the provider's user-info endpoint would want a token for
        // itself (Entra ID: Microsoft Graph), not the one issued for the triage API.
        this.users.setRetrieveUserInfo(request -> false);
    }

    /** The provider's name on the sign-in form. */
    String name() {
        return StringUtils.hasText(settings.oidcName()) ? settings.oidcName() : registration.getClientName();
    }

    /** Where the browser starts signing in. */
    String start() {
        return "/oauth2/authorization/" + registration.getRegistrationId();
    }

    String registrationId() {
        return registration.getRegistrationId();
    }

    /**
     * The provider's end-session URL for the browser to go to after signing out here (RP-initiated logout), when the
     * provider has one. It names the client and where to come back to, but carries no ID token hint: no token is
     * ever handed to the browser (the provider may then ask which account to sign out).
     */
    Optional<URI> endSession(HttpServletRequest request) {
        Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endpoint == null) {
            return Optional.empty();
        }
        String back = settings.postLogoutRedirectUri() != null ? settings.postLogoutRedirectUri().toString()
                : ServletUriComponentsBuilder.fromContextPath(request).path("/").toUriString();
        return Optional.of(UriComponentsBuilder.fromUriString(endpoint.toString())
                .queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", back)
                .encode().build().toUri());
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var home = new SimpleUrlAuthenticationSuccessHandler("/");
        home.setAlwaysUseDefaultTargetUrl(true);
        http.oauth2Login(login -> login
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(authorizedClients)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)
                        .authorizationRequestRepository(pending))
                .userInfoEndpoint(info -> info.oidcUserService(this::person))
                .successHandler((request, response, signedIn) -> {
                    outcomes.count(SignInOutcomes.OIDC, "signed_in");
                    home.onAuthenticationSuccess(request, response, signedIn);
                })
                .failureHandler((request, response, failure) -> {
                    String code = failure instanceof OAuth2AuthenticationException refused
                            ? refused.getError().getErrorCode() : "unknown";
                    if (NOT_A_PERSON.equals(code)) {
                        outcomes.count(SignInOutcomes.OIDC, "system_token");
                        problems.write(request, response, HttpStatus.FORBIDDEN, String.valueOf(failure.getMessage()));
                    } else if (OAuth2ErrorCodes.INVALID_TOKEN.equals(code)) {
                        outcomes.count(SignInOutcomes.OIDC, "invalid_token");
                        problems.write(request, response, HttpStatus.UNAUTHORIZED,
                                String.valueOf(failure.getMessage()));
                    } else {
                        outcomes.count(SignInOutcomes.OIDC, "refused");
                        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Signing in with " + name()
                                + " did not complete (" + code + "); start again from the console's sign-in page");
                    }
                }));
    }

    /** The person the ID token names, with the roles their access token for the triage API grants. */
    private OidcUser person(OidcUserRequest request) {
        OidcUser user = users.loadUser(request);
        Jwt token;
        try {
            token = accessTokens.decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            String why = e instanceof JwtValidationException invalid ? invalid.getErrors().stream()
                    .map(OAuth2Error::getDescription).filter(Objects::nonNull).collect(Collectors.joining("; "))
                    : String.valueOf(e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN),
                    "The access token from " + name() + " is not one the triage services accept: " + why);
        }
        Collection<GrantedAuthority> authorities = checks.authorities(token);
        Set<Role> roles = authorities.stream().map(GrantedAuthority::getAuthority)
                .map(authority -> Role.valueOf(authority.substring("ROLE_".length())))
                .collect(Collectors.toSet());
        if (!SessionController.isPerson(roles)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NOT_A_PERSON), "This token belongs to a "
                    + "system or grants no person's role (roles " + roles + "); sign in as a person with a role among "
                    + SessionController.PERSON_ROLES);
        }
        String nameClaim = registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName();
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
                StringUtils.hasText(nameClaim) ? nameClaim : IdTokenClaimNames.SUB);
    }
}
