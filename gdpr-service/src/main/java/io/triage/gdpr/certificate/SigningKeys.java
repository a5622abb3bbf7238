package io.triage.gdpr.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.triage.gdpr.config.GdprProperties;
import io.triage.gdpr.config.LocalKeyFile;
import io.triage.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * The key certificates are signed with, and the public keys published to check them. The configured key
 * ({@code triage.gdpr.certificate.private-key}) in production; without one a key generated once into
 * {@code key-file}, refused where default keys are (allow-default-keys=false).
 */
@Component
public class SigningKeys {

    /** A published public key: X.509 SubjectPublicKeyInfo, base64. */
    public record PublishedKey(String keyId, String algorithm, String publicKey) {
    }

    private final CertificateKey current;
    private final Map<String, String> retired;

    SigningKeys(GdprProperties properties, PlatformProperties platform) {
        GdprProperties.Certificate settings = properties.certificate();
        if (!settings.configured() && !platform.security().allowDefaultKeys()) {
            throw new IllegalStateException("triage.gdpr.certificate.private-key is not set and "
                    + "triage.platform.security.allow-default-keys=false; set TRIAGE_GDPR_CERTIFICATE_PRIVATE_KEY");
        }
        String pkcs8 = settings.configured() ? settings.privateKey()
                : LocalKeyFile.readOrCreate(settings.keyFile(), CertificateKey::generatePkcs8,
                        "certificate signing key");
        this.current = CertificateKey.fromPkcs8(pkcs8, settings.keyId());
        this.retired = Map.copyOf(settings.retiredPublicKeys());
    }

    CertificateKey current() {
        return current;
    }

    /** The current key first, then the retired ones still checking older certificates. */
    public List<PublishedKey> published() {
        List<PublishedKey> keys = new ArrayList<>();
        keys.add(new PublishedKey(current.id(), CertificateKey.ALGORITHM, current.publicKeyBase64()));
        retired.entrySet().stream().filter(key -> !key.getKey().equals(current.id())).sorted(Map.Entry.comparingByKey())
                .forEach(key -> keys.add(new PublishedKey(key.getKey(), CertificateKey.ALGORITHM, key.getValue())));
        return keys;
    }
}
