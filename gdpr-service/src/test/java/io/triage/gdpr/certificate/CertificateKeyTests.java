package io.triage.gdpr.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class CertificateKeyTests {

    // audit-service's local checkpoint key pair (AuditProperties.LOCAL_SIGNING_*), made with openssl.
    static final String OPENSSL_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIL0K4OMhXTlaR+FyTTNA5BbeWw3Fzr4fTmceltgog5iv";
    static final String OPENSSL_PUBLIC = "MCowBQYDK2VwAyEAqjGMlj2sFKkQ8xM51reFEuO2iXp2q1OtBdofPwN79Eg=";

    @Test
    void thePublicKeyIsDerivedFromAnOpensslPrivateKey() {
        CertificateKey key = CertificateKey.fromPkcs8(OPENSSL_PRIVATE, "");

        assertThat(key.publicKeyBase64()).isEqualTo(OPENSSL_PUBLIC);
    }

    @Test
    void anUnnamedKeyIsNamedAfterItsPublicKeyAndANamedOneKeepsItsName() {
        assertThat(CertificateKey.fromPkcs8(OPENSSL_PRIVATE, "").id()).matches("ed25519-[0-9a-f]{8}");
        assertThat(CertificateKey.fromPkcs8(OPENSSL_PRIVATE, "gdpr-2026").id()).isEqualTo("gdpr-2026");
    }

    @Test
    void aGeneratedKeyLoadsAgainFromItsPrivateKeyAlone() {
        String generated = CertificateKey.generatePkcs8();

        assertThat(CertificateKey.fromPkcs8(generated, "").publicKeyBase64())
                .isEqualTo(CertificateKey.fromPkcs8(generated, "").publicKeyBase64()).isNotEqualTo(OPENSSL_PUBLIC);
    }

    @Test
    void somethingElseIsRefusedNamingTheProperty() {
        assertThatIllegalStateException().isThrownBy(() -> CertificateKey.fromPkcs8(OPENSSL_PUBLIC, ""))
                .withMessageContaining("triage.gdpr.certificate.private-key");
    }
}
