package io.triage.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.triage.platform.PlatformProperties.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What {@code jwt} mode checks beyond the signature and expiry: the audience, optionally the calling client, and
 * namespaced role values (see {@link JwtProperties}). Public so that the console reads a signed-in person's access
 * token exactly as the services it forwards that token to will.
 */
public final class JwtChecks {

    private final Set<String> audiences;
    private final Set<String> authorizedParties;
    private final String rolePrefix;
    private final String rolesClaim;

    private JwtChecks(JwtProperties properties, String rolesClaim) {
        this.audiences = nonBlank(properties.audiences());
        this.authorizedParties = nonBlank(properties.authorizedParties());
        this.rolePrefix = properties.rolePrefix().toLowerCase(Locale.ROOT);
        this.rolesClaim = rolesClaim;
    }

    /** The checks, or a start-up failure naming the missing property. */
    public static JwtChecks of(JwtProperties properties, String rolesClaim) {
        if (properties.audiences().stream().allMatch(String::isBlank)) {
            throw new IllegalStateException("triage.platform.security.mode=jwt needs "
                    + "triage.platform.security.jwt.audiences (this application's aud values, e.g. api://triage): "
                    + "without them a token the same tenant issued for any other application would be accepted");
        }
        return new JwtChecks(properties, rolesClaim);
    }

    private static Set<String> nonBlank(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The given decoder, which also refuses tokens for another audience or an unlisted client (401). */
    public JwtDecoder checking(JwtDecoder decoder) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            List<OAuth2Error> errors = problems(jwt);
            if (!errors.isEmpty()) {
                throw new JwtValidationException("The token is not for this service", errors);
            }
            return jwt;
        };
    }

    List<OAuth2Error> problems(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        List<String> aud = jwt.getAudience();
        if (aud == null || aud.stream().noneMatch(audiences::contains)) {
            errors.add(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was not issued for this audience",
                    null));
        }
        if (!authorizedParties.isEmpty()) {
            String azp = jwt.getClaimAsString("azp");
            String appid = jwt.getClaimAsString("appid");
            String client = azp != null ? azp : appid;
            if (client == null || !authorizedParties.contains(client)) {
                errors.add(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token's client is not allowed to call", null));
            }
        }
        return errors;
    }

    /**
     * Token to authentication: {@code triage.ops} grants ROLE_OPS, {@code triage.classify_service} (or
     * {@code triage.classify-service}) ROLE_CLASSIFY_SERVICE; values outside the namespace grant nothing.
     */
    Converter<Jwt, AbstractAuthenticationToken> authentication() {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt));
    }

    /** The roles a (checked) token grants, as {@code ROLE_*} authorities; see {@link #authentication()}. */
    public Collection<GrantedAuthority> authorities(Jwt jwt) {
        return authorities(jwt.getClaimAsStringList(rolesClaim));
    }

    Collection<GrantedAuthority> authorities(@Nullable List<String> claimed) {
        if (claimed == null) {
            return List.of();
        }
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        return claimed.stream()
                .map(value -> value.toLowerCase(Locale.ROOT))
                .filter(value -> value.startsWith(rolePrefix))
                // App role values may not be able to hold "_": triage.gdpr-service grants GDPR_SERVICE as well.
                .map(value -> value.substring(rolePrefix.length()).replace('-', '_').toUpperCase(Locale.ROOT))
                .filter(known::contains)
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
