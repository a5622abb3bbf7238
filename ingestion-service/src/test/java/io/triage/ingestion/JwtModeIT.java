package io.triage.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Production mode: bearer JWTs (e.g. Entra ID) with namespaced roles ({@code triage.ops}) in the {@code roles} claim,
 * accepted only for this application's audience and allow-listed client; API keys keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.platform.security.mode=jwt", "triage.ingestion.flow.classify=false",
            "triage.ingestion.flow.index=false", "triage.platform.security.jwt.audiences=" + JwtModeIT.AUDIENCE,
            "triage.platform.security.jwt.authorized-parties=" + JwtModeIT.CLIENT})
@IsolatedBackingServices
class JwtModeIT {

    static final String AUDIENCE = "api://triage";
    static final String CLIENT = "3f1c-servicenow-client";
    static final KeyPair ISSUER = rsa();
    static final KeyPair STRANGER = rsa();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class Issuer {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER.getPublic()).build();
        }
    }

    @Test
    void tokenWithTheRoleIsAccepted() {
        assertThat(get("/tickets", token(ISSUER, AUDIENCE, "azp", CLIENT, List.of("triage.ops"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void entraV1TokenNamesItsClientInAppid() {
        assertThat(get("/tickets", token(ISSUER, AUDIENCE, "appid", CLIENT, List.of("Triage.Ops"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenWithoutTheRoleIs403() {
        PlatformContract.assertProblem(get("/tickets", token(ISSUER, AUDIENCE, "azp", CLIENT,
                List.of("triage.classifier"))), 403);
    }

    @Test
    void aServiceIdentityRoleWorksInATokenAndOpensOnlyItsCall() {
        // embedding-service with a client-credentials token (app role triage.embedding-service) reads the feed;
        // the ticketing systems' role does not (issue 19, finding 2).
        assertThat(get("/tickets/clean?after=0", token(ISSUER, AUDIENCE, "azp", CLIENT,
                List.of("triage.embedding-service"))).statusCode()).isEqualTo(200);
        PlatformContract.assertProblem(get("/tickets/clean?after=0", token(ISSUER, AUDIENCE, "azp", CLIENT,
                List.of("triage.classifier"))), 403);
        PlatformContract.assertProblem(get("/tickets", token(ISSUER, AUDIENCE, "azp", CLIENT,
                List.of("triage.embedding_service"))), 403);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        PlatformContract.assertProblem(get("/tickets", token(STRANGER, AUDIENCE, "azp", CLIENT,
                List.of("triage.ops"))), 401);
    }

    @Test
    void tokenIssuedForAnotherAudienceIs401() {
        // Same tenant, same signing key, another app registration that happens to have an "ops"/"admin" role.
        PlatformContract.assertProblem(get("/tickets", token(ISSUER, "api://payroll", "azp", CLIENT,
                List.of("ops", "admin", "triage.ops"))), 401);
    }

    @Test
    void tokenWithoutAudienceIs401() {
        PlatformContract.assertProblem(get("/tickets", token(ISSUER, null, "azp", CLIENT,
                List.of("triage.ops"))), 401);
    }

    @Test
    void tokenForAClientNotOnTheAllowListIs401() {
        PlatformContract.assertProblem(get("/tickets", token(ISSUER, AUDIENCE, "azp", "some-other-client",
                List.of("triage.ops"))), 401);
    }

    @Test
    void appRoleAdminWithoutTheNamespaceIsNotAdmin() {
        PlatformContract.assertProblem(get("/tickets", token(ISSUER, AUDIENCE, "azp", CLIENT,
                List.of("admin", "ops"))), 403);
    }

    @Test
    void apiKeysStillWorkForServicesAndScraping() {
        assertThat(ServiceHttp.onPort(port).get("/metrics", ApiKeys.OPS).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusScrapesWithTheKeyAsBearerTokenAndATokenWithTheRoleStillWorksThere() {
        assertThat(get("/actuator/prometheus", ApiKeys.OPS).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", token(ISSUER, AUDIENCE, "azp", CLIENT, List.of("triage.ops")))
                .statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "not-a-key-nor-a-jwt").statusCode()).isEqualTo(401);
        assertThat(get("/tickets", ApiKeys.OPS).statusCode()).as("API keys as bearer tokens on scrape paths only")
                .isEqualTo(401);
    }

    private java.net.http.HttpResponse<String> get(String path, String bearer) {
        var http = ServiceHttp.onPort(port);
        return http.send(http.request(path, null).header("Authorization", "Bearer " + bearer).GET());
    }

    private static String token(KeyPair keys, @Nullable String audience, String clientClaim, String client,
            List<String> roles) {
        try {
            var claims = new JWTClaimsSet.Builder().subject("agent-7").issuer("https://login.example.test")
                    .audience(audience).claim(clientClaim, client)
                    .claim("roles", roles).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
