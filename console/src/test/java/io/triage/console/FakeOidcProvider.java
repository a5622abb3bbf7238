package io.triage.console;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.jspecify.annotations.Nullable;

/**
 * An OpenID Connect provider standing in for Entra ID over real HTTP, speaking the wire format: discovery
 * ({@code /.well-known/openid-configuration}), its RSA signing key ({@code /jwks}), {@code /authorize} (checks the
 * client, the registered redirect URI, a S256 PKCE challenge, state and nonce, then signs in {@link #signInAs the
 * person set} and redirects back with a one-time code) and {@code /token} (client secret in HTTP Basic; the
 * authorization code with its PKCE verifier, or a refresh token). It issues an ID token with the nonce and an access
 * token for the triage API ({@code aud} {@value #AUDIENCE}, {@code roles}, {@code exp}) as RS256 JWTs, and counts
 * refresh grants; {@code /logout} (RP-initiated logout) sends the browser back to {@code post_logout_redirect_uri}.
 */
final class FakeOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "triage-console";
    static final String CLIENT_SECRET = "console-secret";
    static final String AUDIENCE = "api://triage";
    static final String API_SCOPE = AUDIENCE + "/user_impersonation";

    /** Who signs in at {@code /authorize}, with their app roles (e.g. {@code triage.analyst}). */
    record Person(String subject, String name, List<String> roles) {
    }

    private record Grant(Person person, String redirectUri, String codeChallenge, String nonce) {
    }

    private final StubServer server = new StubServer();
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger refreshGrants = new AtomicInteger();
    private final List<String> accessTokens = new CopyOnWriteArrayList<>();
    private final List<String> redirectUris = new CopyOnWriteArrayList<>();
    private volatile Person person = new Person("analyst-1", "ana@example.test", List.of("triage.analyst"));
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(5);
    private volatile String audience = AUDIENCE;
    private volatile boolean refuseRefresh;

    FakeOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("fake-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.on("GET", "/.well-known/openid-configuration", request -> StubReply.json("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "end_session_endpoint": "%1$s/logout",
                 "response_types_supported": ["code"], "subject_types_supported": ["pairwise"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "grant_types_supported": ["authorization_code", "refresh_token"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"],
                 "code_challenge_methods_supported": ["S256"],
                 "scopes_supported": ["openid", "profile", "offline_access"]}""".formatted(issuer())));
        server.on("GET", "/jwks", request -> StubReply.json(new JWKSet(key.toPublicJWK()).toString()));
        server.on("GET", "/authorize", this::authorize);
        server.on("POST", "/token", this::token);
        // RP-initiated logout: ends the provider's session and sends the browser back where the client asked.
        server.on("GET", "/logout", request -> CLIENT_ID.equals(request.query("client_id"))
                && request.query("post_logout_redirect_uri") != null
                ? StubReply.status(302).withHeader("Location", String.valueOf(request.query("post_logout_redirect_uri")))
                : error(400, "invalid_request", "unknown client_id or no post_logout_redirect_uri"));
    }

    String issuer() {
        return server.baseUrl();
    }

    /** Only this redirect URI (the console's callback) is accepted, as registered with a real provider. */
    void allowRedirectUri(String uri) {
        redirectUris.add(uri);
    }

    void signInAs(Person next) {
        person = next;
    }

    void accessTokenLifetime(Duration lifetime) {
        accessTokenLifetime = lifetime;
    }

    /** Access tokens from now on are issued for this audience (another application's, say). */
    void audience(String aud) {
        audience = aud;
    }

    /** Refresh grants answer {@code invalid_grant} (the person was disabled, the refresh token revoked). */
    void refuseRefresh(boolean refuse) {
        refuseRefresh = refuse;
    }

    int refreshGrants() {
        return refreshGrants.get();
    }

    List<String> accessTokensIssued() {
        return List.copyOf(accessTokens);
    }

    private StubReply authorize(StubRequest request) {
        String redirectUri = request.query("redirect_uri");
        if (!"code".equals(request.query("response_type")) || !CLIENT_ID.equals(request.query("client_id"))
                || redirectUri == null || !redirectUris.contains(redirectUri)) {
            return error(400, "invalid_request", "unknown client or redirect_uri");
        }
        String scope = String.valueOf(request.query("scope"));
        String state = request.query("state");
        String nonce = request.query("nonce");
        String challenge = request.query("code_challenge");
        if (!List.of(scope.split(" ")).contains("openid") || state == null || nonce == null || challenge == null
                || !"S256".equals(request.query("code_challenge_method"))) {
            return error(400, "invalid_request", "openid scope, state, nonce and an S256 code_challenge are needed");
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(person, redirectUri, challenge, nonce));
        return StubReply.status(302).withHeader("Location", redirectUri + "?code=" + code + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    private StubReply token(StubRequest request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.header("Authorization"))) {
            return error(401, "invalid_client", "client authentication failed");
        }
        Map<String, String> form = form(request.bodyText());
        return switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code" -> {
                Grant grant = codes.remove(String.valueOf(form.get("code")));
                String verifier = form.get("code_verifier");
                if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri")) || verifier == null
                        || !grant.codeChallenge().equals(s256(verifier))) {
                    yield error(400, "invalid_grant", "unknown or used code, or the PKCE verifier does not match");
                }
                yield tokens(grant.person(), grant.nonce());
            }
            case "refresh_token" -> {
                refreshGrants.incrementAndGet();
                Person holder = refreshTokens.remove(String.valueOf(form.get("refresh_token")));
                if (holder == null || refuseRefresh) {
                    yield error(400, "invalid_grant", "the refresh token is expired or revoked");
                }
                yield tokens(holder, null);
            }
            default -> error(400, "unsupported_grant_type", "authorization_code or refresh_token");
        };
    }

    private StubReply tokens(Person holder, @Nullable String nonce) {
        Instant now = Instant.now();
        String access = sign(new JWTClaimsSet.Builder().issuer(issuer()).subject(holder.subject())
                .audience(audience).claim("azp", CLIENT_ID).claim("roles", holder.roles())
                .claim("scp", "user_impersonation").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTokenLifetime))).build());
        accessTokens.add(access);
        String refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, holder);
        StringBuilder json = new StringBuilder("{\"token_type\": \"Bearer\", \"scope\": \"" + API_SCOPE + "\", ")
                .append("\"expires_in\": ").append(accessTokenLifetime.toSeconds())
                .append(", \"access_token\": \"").append(access)
                .append("\", \"refresh_token\": \"").append(refresh).append('"');
        if (nonce != null) {
            String id = sign(new JWTClaimsSet.Builder().issuer(issuer()).subject(holder.subject())
                    .audience(CLIENT_ID).claim("nonce", nonce).claim("preferred_username", holder.name())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build());
            json.append(", \"id_token\": \"").append(id).append('"');
        }
        return StubReply.json(json.append('}').toString());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StubReply error(int status, String code, String description) {
        return StubReply.json(status, "{\"error\": \"" + code + "\", \"error_description\": \"" + description
                + "\"}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
