package io.triage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.triage.platform.PlatformDefaults;
import io.triage.platform.PlatformProperties;
import io.triage.platform.PlatformProperties.ApiKey;
import io.triage.platform.PlatformProperties.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The accepted keys as the Helm chart sets them, environment variables with digests only, bound over the platform
 * defaults: they replace the local keys entirely.
 */
class ApiKeyEnvironmentBindingTests {

    @Test
    void digestOnlyKeysFromEnvironmentVariablesReplaceTheLocalDefaults() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("TRIAGE_PLATFORM_SECURITY_API_KEYS_0_NAME", "servicenow");
        variables.put("TRIAGE_PLATFORM_SECURITY_API_KEYS_0_ROLES", "CLASSIFIER");
        variables.put("TRIAGE_PLATFORM_SECURITY_API_KEYS_0_KEY_SHA256", "ab".repeat(32));
        variables.put("TRIAGE_PLATFORM_SECURITY_API_KEYS_1_NAME", "gdpr-service");
        variables.put("TRIAGE_PLATFORM_SECURITY_API_KEYS_1_ROLES", "GDPR_SERVICE");
        variables.put("TRIAGE_PLATFORM_SECURITY_API_KEYS_1_KEY_SHA256", "");
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        PlatformProperties properties = Binder.get(environment).bind("triage.platform", PlatformProperties.class)
                .get();

        assertThat(properties.security().apiKeys()).extracting(ApiKey::name)
                .containsExactly("servicenow", "gdpr-service");
        ApiKey servicenow = properties.security().apiKeys().getFirst();
        assertThat(servicenow.keySha256()).isEqualTo("ab".repeat(32));
        assertThat(servicenow.key()).isNull();
        assertThat(servicenow.roles()).containsExactly(Role.CLASSIFIER);
        var authenticator = new ApiKeyAuthenticator(properties.security().apiKeys());
        assertThat(authenticator.acceptsAnyOf(SecurityConfiguration.LOCAL_KEYS)).isFalse();
        assertThat(authenticator.authenticate("local-gdpr-service-key")).as("an unset digest accepts nothing")
                .isEmpty();
    }
}
