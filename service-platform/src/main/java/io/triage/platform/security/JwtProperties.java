package io.triage.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer-token checks of {@code jwt} mode ({@code triage.platform.security.jwt.*}). A token signed by the right
 * issuer is not enough: it must also have been issued for this application and carry namespaced roles.
 *
 * @param audiences the {@code aud} values of this application (e.g. {@code api://triage} or its app registration's
 *     client id); a token must name one of them. Required in {@code jwt} mode: a service refuses to start without
 * @param authorizedParties the client ids allowed to call; when not empty, the token's {@code azp} (Entra ID v2) or
 *     {@code appid} (v1) claim must be one of them. Empty (the default) accepts any client of the audience
 * @param rolePrefix the namespace of role values in the roles claim: {@code triage.admin} grants ADMIN,
 *     {@code triage.ops} OPS and so on (compared ignoring case, {@code Locale.ROOT}); a value without the prefix,
 *     such as another application's {@code admin}, grants nothing
 */
@ConfigurationProperties("triage.platform.security.jwt")
public record JwtProperties(
        @DefaultValue List<String> audiences,
        @DefaultValue List<String> authorizedParties,
        @DefaultValue("triage.") String rolePrefix) {
}
