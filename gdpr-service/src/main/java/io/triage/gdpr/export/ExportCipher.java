package io.triage.gdpr.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.triage.gdpr.config.GdprProperties;
import io.triage.gdpr.config.LocalKeyFile;
import io.triage.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts export documents at rest: AES-256-GCM, a fresh 96-bit nonce per document, the export id as associated
 * data (a document copied onto another export's row does not decrypt). Stored as {@code 0x01 | nonce | ciphertext
 * and tag}. The key is {@code triage.gdpr.export.encryption-key}; without one a key generated once into
 * {@code key-file}, refused where default keys are (allow-default-keys=false).
 */
@Component
class ExportCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    ExportCipher(GdprProperties properties, PlatformProperties platform) {
        GdprProperties.Export settings = properties.export();
        if (!settings.configured() && !platform.security().allowDefaultKeys()) {
            throw new IllegalStateException("triage.gdpr.export.encryption-key is not set and "
                    + "triage.platform.security.allow-default-keys=false; set TRIAGE_GDPR_EXPORT_ENCRYPTION_KEY");
        }
        String encoded = settings.configured() ? settings.encryptionKey()
                : LocalKeyFile.readOrCreate(settings.keyFile(), ExportCipher::generate, "export encryption key");
        this.key = key(encoded);
    }

    byte[] encrypt(UUID exportId, byte[] document) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, exportId, nonce, document);
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    byte[] decrypt(UUID exportId, byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("export " + exportId + " is not stored in a known format");
        }
        byte[] nonce = Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, 1 + NONCE_BYTES, stored.length);
        return run(Cipher.DECRYPT_MODE, exportId, nonce, sealed);
    }

    private byte[] run(int mode, UUID exportId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(exportId.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("export " + exportId + " could not be "
                    + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted (wrong key or altered data)"), e);
        }
    }

    private static SecretKey key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("triage.gdpr.export.encryption-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("triage.gdpr.export.encryption-key must be 32 bytes (AES-256), base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String generate() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return Base64.getEncoder().encodeToString(generator.generateKey().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }
}
