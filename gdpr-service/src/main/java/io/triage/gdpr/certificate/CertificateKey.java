package io.triage.gdpr.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 signing key from its PKCS#8 encoding alone: the public key is derived from the private one, so
 * configuration (and a generated local key file) holds a single value.
 *
 * @param publicKeyBase64 X.509 SubjectPublicKeyInfo, base64, as published
 */
record CertificateKey(String id, PrivateKey privateKey, PublicKey publicKey, String publicKeyBase64) {

    static final String ALGORITHM = "Ed25519";

    /** @param keyId empty: named after the public key */
    static CertificateKey fromPkcs8(String pkcs8Base64, String keyId) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.strip())));
            PublicKey publicKey = derivePublic((EdECPrivateKey) privateKey);
            String encoded = Base64.getEncoder().encodeToString(publicKey.getEncoded());
            CertificateKey key = new CertificateKey(keyId.isBlank() ? defaultId(publicKey) : keyId, privateKey,
                    publicKey, encoded);
            key.check();
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("triage.gdpr.certificate.private-key is not an Ed25519 private key "
                    + "(PKCS#8 DER, base64)", e);
        }
    }

    /** A new private key, PKCS#8 DER, base64. */
    static String generatePkcs8() {
        try {
            return Base64.getEncoder().encodeToString(
                    KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK", e);
        }
    }

    byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * An Ed25519 key pair is its 32-byte seed: the JDK's generator, given the seed as its only random bytes (RFC 8032
     * §5.1.5), derives the public key that belongs to it.
     */
    private static PublicKey derivePublic(EdECPrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = privateKey.getBytes().orElseThrow(() -> new GeneralSecurityException("no private key bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(pair.getPrivate().getEncoded(), privateKey.getEncoded())) {
            throw new GeneralSecurityException("the derived key pair does not hold the configured private key");
        }
        return pair.getPublic();
    }

    private void check() throws GeneralSecurityException {
        byte[] probe = "key-check".getBytes(StandardCharsets.UTF_8);
        Signature verify = Signature.getInstance(ALGORITHM);
        verify.initVerify(publicKey);
        verify.update(probe);
        if (!verify.verify(sign(probe))) {
            throw new GeneralSecurityException("the derived public key does not verify the private key's signature");
        }
    }

    private static String defaultId(PublicKey publicKey) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
        return "ed25519-" + HexFormat.of().formatHex(digest, 0, 4);
    }

    /** Random bytes that are the given seed: used once, to derive the public key. */
    private static final class SeedRandom extends SecureRandom {

        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for the " + seed.length + "-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
