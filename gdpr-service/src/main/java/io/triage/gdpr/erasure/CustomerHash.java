package io.triage.gdpr.erasure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.gdpr.config.GdprProperties;
import io.triage.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256, lower-case hex) kept instead of a customer id: it proves which customer a request
 * erased to whoever knows the id and the key, and tells nobody else anything. Refuses to start with the local
 * default key where default keys are forbidden (production).
 */
@Component
public class CustomerHash {

    private final SecretKeySpec key;

    CustomerHash(GdprProperties properties, PlatformProperties platform) {
        if (!platform.security().allowDefaultKeys()
                && GdprProperties.LOCAL_CUSTOMER_HASH_KEY.equals(properties.customerHashKey())) {
            throw new IllegalStateException("triage.gdpr.customer-hash-key is the local default; set a real key "
                    + "(TRIAGE_GDPR_CUSTOMER_HASH_KEY)");
        }
        this.key = new SecretKeySpec(properties.customerHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
