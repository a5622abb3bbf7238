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

    /** Initialised once; each use works on a clone, which is far cheaper than a provider look-up per id. */
    private final Mac prototype;

    Pseudonyms(AuditProperties properties) throws GeneralSecurityException {
        this.prototype = Mac.getInstance("HmacSHA256");
        prototype.init(new SecretKeySpec(properties.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    public String of(String id) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 is cloneable", e);
        }
    }
}
