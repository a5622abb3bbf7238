package io.triage.audit.manifest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;

import io.triage.audit.chain.Ed25519;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.config.AuditProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs and checks archive manifests with the archiver's Ed25519 key ({@code triage.audit.archiver.signing.*}).
 * Without a configured key, a local pair is generated on first use and kept in {@code key-file} — development
 * only: {@code allow-default-keys=false} refuses to start without a configured key.
 */
@Component
public class ManifestSigner {

    private static final Logger logger = LoggerFactory.getLogger(ManifestSigner.class);

    private final AuditProperties.ManifestSigning settings;
    private volatile @Nullable Key key;

    /** The loaded key pair and its name. */
    private record Key(String id, PrivateKey privateKey, PublicKey publicKey, String publicKeyBase64) {
    }

    ManifestSigner(AuditProperties properties) {
        this.settings = properties.archiver().signing();
    }

    public byte[] sign(String statement) {
        return Ed25519.sign(key().privateKey(), statement);
    }

    public boolean verify(String statement, byte[] signatureBytes) {
        return Ed25519.verify(key().publicKey(), statement, signatureBytes);
    }

    public String keyId() {
        return key().id();
    }

    /** X.509 DER, base64. */
    public String publicKey() {
        return key().publicKeyBase64();
    }

    private Key key() {
        Key loaded = key;
        if (loaded == null) {
            synchronized (this) {
                loaded = key;
                if (loaded == null) {
                    loaded = settings.configured()
                            ? load(settings.keyId().isBlank() ? "archiver" : settings.keyId(), settings.privateKey(),
                                    settings.publicKey())
                            : localKey(settings.keyFile());
                    key = loaded;
                }
            }
        }
        return loaded;
    }

    private static Key load(String id, String privateKey, String publicKey) {
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            Key key = new Key(id, keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))),
                    keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))), publicKey);
            Signature check = Signature.getInstance("Ed25519");
            check.initSign(key.privateKey());
            check.update(new byte[] {1});
            byte[] signed = check.sign();
            check.initVerify(key.publicKey());
            check.update(new byte[] {1});
            if (!check.verify(signed)) {
                throw new IllegalStateException("the archiver's public key does not match its private key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("triage.audit.archiver.signing holds no usable Ed25519 key pair", e);
        }
    }

    /** The generated local key pair: read from {@code file}, or generated and written there once. */
    private static Key localKey(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            }
            return load(property(stored, "keyId", file), property(stored, "privateKey", file),
                    property(stored, "publicKey", file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local archiver key " + file, e);
        }
    }

    private static String property(Properties stored, String name, Path file) {
        String value = stored.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the local archiver key " + file + " has no " + name);
        }
        return value;
    }

    private static void generate(Path file) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java platform", e);
        }
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String id = "local-generated-" + HexFormat.of().formatHex(
                CanonicalForm.sha256().digest(pair.getPublic().getEncoded()), 0, 4);
        Properties stored = new Properties();
        stored.setProperty("keyId", id);
        stored.setProperty("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        stored.setProperty("publicKey", publicKey);
        StringWriter text = new StringWriter();
        stored.store(text, "Generated local archive-manifest signing key: NOT FOR PRODUCTION");
        Path parent = Objects.requireNonNull(file.toAbsolutePath().getParent(), "an absolute file has a parent");
        Files.createDirectories(parent);
        // Written owner-only to a temporary file, then linked into place: the link fails if another replica or
        // thread got there first (theirs is used), and nobody ever reads a half-written key.
        Path partial = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(parent, "key", ".partial",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(parent, "key", ".partial");
        try {
            Files.writeString(partial, text.toString(), StandardCharsets.UTF_8);
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException e) {
            return;
        } finally {
            Files.deleteIfExists(partial);
        }
        logger.warn("Generated a local archive-manifest signing key {} in {}: not for production", id, file);
    }
}
