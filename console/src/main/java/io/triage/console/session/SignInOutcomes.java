package io.triage.console.session;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins by method ({@code api-key}, {@code oidc}) and outcome in {@code console_sign_ins_total}, so that
 * refused sign-ins (unknown keys, systems' keys or tokens, throttled addresses) show next to the successful ones.
 */
@Component
class SignInOutcomes {

    static final String API_KEY = "api-key";
    static final String OIDC = "oidc";

    private final MeterRegistry meters;

    SignInOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String method, String outcome) {
        meters.counter("console.sign.ins", "method", method, "outcome", outcome).increment();
    }
}
