package io.triage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class JwtChecksTests {

    @Test
    void jwtModeWithoutAudiencesRefusesToStartNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> JwtChecks.of(new JwtProperties(List.of(), List.of(), "triage."), "roles"))
                .withMessageContaining("triage.platform.security.jwt.audiences");
    }

    @Test
    void onlyNamespacedRoleValuesGrantRoles() {
        JwtChecks checks = JwtChecks.of(new JwtProperties(List.of("api://triage"), List.of(), "triage."), "roles");
        assertThat(names(checks, List.of("admin", "Ops", "triage.analyst", "Triage.Compliance", "triage.root")))
                .containsExactlyInAnyOrder("ROLE_ANALYST", "ROLE_COMPLIANCE");
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

    private static List<String> names(JwtChecks checks, List<String> claimed) {
        return checks.authorities(claimed).stream().map(GrantedAuthority::getAuthority).toList();
    }
}
