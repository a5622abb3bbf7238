package io.triage.gdpr.certificate.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a certificate of erasure without the service: JDK only, so it runs as
 * {@code java CertificateVerifier.java certificate.json certificate-keys.json} (the JDK's source launcher compiles
 * this file and {@link CanonicalJson} beside it) or from the service's jar.
 *
 * <p>A certificate is {@code {"algorithm":"Ed25519","keyId":…,"signature":<base64>,"statement":{…}}}; it is valid
 * when the published key named by {@code keyId} (the same key id is inside the signed statement) verifies the
 * signature over the UTF-8 bytes of the statement's canonical JSON ({@link CanonicalJson}). Anything else in the
 * envelope is refused, as it would be unsigned.
 */
public final class CertificateVerifier {

    /** The only signature algorithm issued. */
    public static final String ALGORITHM = "Ed25519";
    /** The statement's {@code type}. */
    public static final String TYPE = "triage-gdpr-erasure-certificate";

    private static final Set<String> ENVELOPE = Set.of("algorithm", "keyId", "signature", "statement");

    private CertificateVerifier() {
    }

    /** The outcome: valid or not, and why. */
    public record Result(boolean valid, String reason) {
    }

    /**
     * @param certificate the certificate as {@code GET /gdpr/requests/{id}/certificate} answers it
     * @param keys the keys as {@code GET /gdpr/certificate-keys} answers them: {@code {"keys":[{"keyId","algorithm",
     *     "publicKey"}]}} (X.509 SubjectPublicKeyInfo, base64)
     */
    public static Result verify(String certificate, String keys) {
        Map<String, PublicKey> published;
        try {
            published = publishedKeys(keys);
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            return new Result(false, "the keys document is unusable: " + e.getMessage());
        }
        return verify(certificate, published);
    }

    /** @param keys the published public keys by key id */
    public static Result verify(String certificate, Map<String, PublicKey> keys) {
        Map<?, ?> envelope;
        try {
            envelope = CanonicalJson.parse(certificate) instanceof Map<?, ?> map ? map : Map.of();
        } catch (IllegalArgumentException e) {
            return new Result(false, "not a certificate: " + e.getMessage());
        }
        if (!envelope.keySet().equals(ENVELOPE)) {
            return new Result(false, "a certificate has exactly the members " + ENVELOPE);
        }
        if (!ALGORITHM.equals(envelope.get("algorithm"))) {
            return new Result(false, "unknown algorithm " + envelope.get("algorithm"));
        }
        if (!(envelope.get("statement") instanceof Map<?, ?> statement) || !TYPE.equals(statement.get("type"))) {
            return new Result(false, "the statement is not a certificate of erasure");
        }
        Object keyId = envelope.get("keyId");
        if (!(keyId instanceof String id) || !id.equals(statement.get("keyId"))) {
            return new Result(false, "the key id differs from the signed one");
        }
        PublicKey key = keys.get(id);
        if (key == null) {
            return new Result(false, "no published key " + id);
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(String.valueOf(envelope.get("signature")));
        } catch (IllegalArgumentException e) {
            return new Result(false, "the signature is not base64");
        }
        byte[] signed = CanonicalJson.write(statement).getBytes(StandardCharsets.UTF_8);
        if (!ed25519(key, signed, signature)) {
            return new Result(false, "the signature does not match the statement");
        }
        return new Result(true, "erasure request " + statement.get("requestId") + " completed "
                + statement.get("completedAt") + ", signed by " + id);
    }

    /** The keys of a {@code GET /gdpr/certificate-keys} answer, by key id. */
    public static Map<String, PublicKey> publishedKeys(String keys) throws GeneralSecurityException {
        if (!(CanonicalJson.parse(keys) instanceof Map<?, ?> document)
                || !(document.get("keys") instanceof List<?> items)) {
            throw new IllegalArgumentException("expected {\"keys\":[…]}");
        }
        Map<String, PublicKey> published = new HashMap<>();
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        for (Object item : items) {
            if (item instanceof Map<?, ?> key && ALGORITHM.equals(key.get("algorithm"))
                    && key.get("keyId") instanceof String id && key.get("publicKey") instanceof String encoded) {
                published.put(id, factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded))));
            }
        }
        return published;
    }

    private static boolean ed25519(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * {@code CertificateVerifier <certificate.json> <certificate-keys.json>}: prints VALID or INVALID with the
     * reason; exit status 0 when valid, 1 when not, 2 on a usage or file error.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java CertificateVerifier.java <certificate.json> <certificate-keys.json>");
            System.exit(2);
        }
        Result result;
        try {
            result = verify(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8),
                    Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("cannot read: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println((result.valid() ? "VALID: " : "INVALID: ") + result.reason());
        System.exit(result.valid() ? 0 : 1);
    }
}
