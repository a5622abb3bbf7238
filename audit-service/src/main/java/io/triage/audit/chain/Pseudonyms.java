package io.triage.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.audit.config.AuditProperties;
import org.springframework.stereotype.Component;

/** Keyed pseudonyms (HMAC-SHA256, hex) of ticket and user ids: stable, but useless without the key. */
@Component
public class Pseudonyms {

    private final SecretKeySpec key;

    Pseudonyms(AuditProperties properties) {
        this.key = new SecretKeySpec(properties.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String id) {
        if (id == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
