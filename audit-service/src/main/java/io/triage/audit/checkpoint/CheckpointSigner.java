package io.triage.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import io.triage.audit.chain.Ed25519;
import io.triage.audit.config.AuditProperties;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoint statements and retention notes with the configured Ed25519 key; anyone holding the published
 * public key can check a signature without access to the service.
 */
@Component
public class CheckpointSigner {

    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String publicKeyBase64;

    CheckpointSigner(AuditProperties properties) throws GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        this.keyId = properties.signing().keyId();
        this.privateKey = keys.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(properties.signing().privateKey())));
        this.publicKeyBase64 = properties.signing().publicKey();
        this.publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        if (!verify("key-check", sign("key-check"))) {
            throw new IllegalStateException("triage.audit.signing.public-key does not match the private key");
        }
    }

    public byte[] sign(String statement) {
        return Ed25519.sign(privateKey, statement);
    }

    public boolean verify(String statement, byte[] signatureBytes) {
        return Ed25519.verify(publicKey, statement, signatureBytes);
    }

    public String keyId() {
        return keyId;
    }

    /** X.509 DER, base64. */
    public String publicKey() {
        return publicKeyBase64;
    }
}
