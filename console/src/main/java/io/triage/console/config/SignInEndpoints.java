package io.triage.console.config;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A sign-in method with endpoints of its own in the console's filter chain (OpenID Connect's authorization start and
 * callback), added by the feature that owns it so that this package needs to know nothing about it.
 */
public interface SignInEndpoints {

    /** Adds the method's endpoints and handlers to the console's chain. */
    void configure(HttpSecurity http) throws Exception;
}
