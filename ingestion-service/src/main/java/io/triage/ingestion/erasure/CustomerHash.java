package io.triage.ingestion.erasure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256, lower-case hex) an applied erasure keeps instead of the customer id. Refuses to start
 * with the local default key where default keys are forbidden (production).
 */
@Component
class CustomerHash {

    private final SecretKeySpec key;

    CustomerHash(IngestionProperties properties, PlatformProperties platform) {
        String configured = properties.erasure().customerHashKey();
        if (!platform.security().allowDefaultKeys() && IngestionProperties.LOCAL_ERASURE_HASH_KEY.equals(configured)) {
            throw new IllegalStateException("triage.ingestion.erasure.customer-hash-key is the local default; set a "
                    + "real key (TRIAGE_INGESTION_ERASURE_CUSTOMER_HASH_KEY)");
        }
        this.key = new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String of(String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
