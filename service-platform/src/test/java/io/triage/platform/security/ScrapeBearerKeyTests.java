package io.triage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.triage.platform.PlatformProperties.ApiKey;
import io.triage.platform.PlatformProperties.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Prometheus before 2.55 (Debian's 2.42) cannot send an {@code X-API-Key} header, only {@code authorization:
 * Bearer}: the scrape endpoints take the API key as a bearer token too, and no other endpoint does.
 */
class ScrapeBearerKeyTests {

    private final ApiKeyAuthenticationFilter filter = new ApiKeyAuthenticationFilter(
            new ApiKeyAuthenticator(List.of(new ApiKey("scraper", "k-ops", null, Set.of(Role.OPS)))),
            (request, response, e) -> response.sendError(401));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private Authentication filtered(MockHttpServletRequest request, MockHttpServletResponse response)
            throws Exception {
        filter.doFilter(request, response, new MockFilterChain());
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static MockHttpServletRequest bearer(String path, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }

    @Test
    void prometheusEndpointAcceptsTheKeyAsBearerToken() throws Exception {
        Authentication authentication = filtered(bearer("/actuator/prometheus", "k-ops"), new MockHttpServletResponse());

        assertThat(authentication).isNotNull();
        assertThat(authentication.getName()).isEqualTo("scraper");
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPS");
    }

    @Test
    void metricsAliasAcceptsTheKeyAsBearerToken() throws Exception {
        assertThat(filtered(bearer("/metrics", "k-ops"), new MockHttpServletResponse())).isNotNull();
    }

    @Test
    void aBearerTokenThatIsNoKeyAuthenticatesNobodyAndIsLeftToTheJwtCheck() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(filtered(bearer("/actuator/prometheus", "k-op"), response)).isNull();
        assertThat(response.getStatus()).as("refused later by the authorization rules").isEqualTo(200);
    }

    @Test
    void theXApiKeyHeaderStillWinsAndAWrongOneIsRefusedAtOnce() throws Exception {
        MockHttpServletRequest request = bearer("/actuator/prometheus", "k-ops");
        request.addHeader("X-API-Key", "wrong");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(filtered(request, response)).isNull();
        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void otherEndpointsIgnoreABearerKey() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(filtered(bearer("/classify", "k-ops"), response)).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
