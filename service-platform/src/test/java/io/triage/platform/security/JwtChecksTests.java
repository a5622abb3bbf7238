package io.triage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtChecksTests {

    @Test
    void jwtModeWithoutAudiencesRefusesToStartNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> JwtChecks.of(new JwtProperties(List.of(), List.of(), "triage."), "roles"))
                .withMessageContaining("triage.platform.security.jwt.audiences");
    }

    @Test
    void blankAudiencesAsAnEmptyHelmListRendersThemCountAsNone() {
        assertThatIllegalStateException()
                .isThrownBy(() -> JwtChecks.of(new JwtProperties(List.of(" "), List.of(), "triage."), "roles"))
                .withMessageContaining("triage.platform.security.jwt.audiences");
    }

    @Test
    void aBlankAuthorizedPartyListAcceptsAnyClientOfTheAudience() {
        JwtChecks checks = JwtChecks.of(new JwtProperties(List.of("api://triage"), List.of(""), "triage."), "roles");
        assertThat(checks.problems(jwt("api://triage", "any-client"))).isEmpty();
        assertThat(checks.problems(jwt("api://payroll", "any-client"))).hasSize(1);
    }

    @Test
    void onlyNamespacedRoleValuesGrantRoles() {
        JwtChecks checks = JwtChecks.of(new JwtProperties(List.of("api://triage"), List.of(), "triage."), "roles");
        assertThat(names(checks, List.of("admin", "Ops", "triage.analyst", "Triage.Compliance", "triage.root")))
                .containsExactlyInAnyOrder("ROLE_ANALYST", "ROLE_COMPLIANCE");
    }

    @Test
    void serviceIdentityRolesAreGrantedByTheirNamespacedValuesWithUnderscoreOrHyphen() {
        JwtChecks checks = JwtChecks.of(new JwtProperties(List.of("api://triage"), List.of(), "triage."), "roles");
        assertThat(names(checks, List.of("triage.classify_service", "triage.gdpr-service", "classify_service")))
                .containsExactlyInAnyOrder("ROLE_CLASSIFY_SERVICE", "ROLE_GDPR_SERVICE");
    }

    @Test
    void roleNamesMapTheSameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            JwtChecks checks = JwtChecks.of(new JwtProperties(List.of("api://triage"), List.of(), "TRIAGE."),
                    "roles");
            assertThat(names(checks, List.of("triage.admin", "TRIAGE.CLASSIFIER"))).containsExactly("ROLE_ADMIN",
                    "ROLE_CLASSIFIER");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Jwt jwt(String audience, String client) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("agent-7").audience(List.of(audience))
                .claim("azp", client).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    private static List<String> names(JwtChecks checks, List<String> claimed) {
        return checks.authorities(claimed).stream().map(GrantedAuthority::getAuthority).toList();
    }
}
