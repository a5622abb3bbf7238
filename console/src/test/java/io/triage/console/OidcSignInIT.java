package io.triage.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.console.FakeOidcProvider.Person;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.browser.ChromiumScript;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in to the console with OpenID Connect against {@link FakeOidcProvider} over real HTTP: the real
 * rules-engine runs in {@code jwt} mode trusting that provider, the console in OIDC mode with API-key sign-in off, and
 * a cookie-keeping HTTP client walks the authorization code flow (console → provider → callback) as a browser does.
 * The console holds no API key for the services: rules-engine answers because the console forwards the person's
 * access token. One test walks the same flow in Chromium ({@code src/test/browser/oidc.mjs}, keyboard only, axe-core),
 * skipped as {@link ConsoleBrowserIT} is without Chromium or playwright-core.
 */
class OidcSignInIT {

    private static final Person ANALYST = new Person("analyst-1", "ana@example.test", List.of("triage.analyst"));
    private static final FakeOidcProvider provider = new FakeOidcProvider();
    private static ConfigurableApplicationContext rulesEngine;
    private static ConfigurableApplicationContext console;
    private static String consoleUrl;

    @BeforeAll
    static void start() {
        rulesEngine = RulesEngineInProcess.start(
                "--triage.platform.security.mode=jwt",
                "--triage.platform.security.jwt.audiences=" + FakeOidcProvider.AUDIENCE,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + provider.issuer());
        String registration = "--spring.security.oauth2.client.registration.idp.";
        console = new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0", "--triage.console.rules-engine=http://127.0.0.1:" + port(rulesEngine),
                registration + "client-id=" + FakeOidcProvider.CLIENT_ID,
                registration + "client-secret=" + FakeOidcProvider.CLIENT_SECRET,
                registration + "client-name=Contoso ID",
                registration + "scope=openid,profile,offline_access," + FakeOidcProvider.API_SCOPE,
                "--spring.security.oauth2.client.provider.idp.issuer-uri=" + provider.issuer(),
                "--spring.security.oauth2.client.provider.idp.user-name-attribute=preferred_username",
                "--triage.console.sign-in.oidc-registration=idp", "--triage.console.sign-in.api-key=false",
                "--triage.console.sign-in.refresh-before-expiry=1s",
                "--triage.platform.security.jwt.audiences=" + FakeOidcProvider.AUDIENCE,
                // plain HTTP on loopback, as ./triage serves it
                "--server.servlet.session.cookie.secure=false",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s", "--logging.level.root=WARN");
        consoleUrl = "http://127.0.0.1:" + port(console);
        provider.allowRedirectUri(consoleUrl + "/login/oauth2/code/idp");
    }

    @AfterAll
    static void stop() {
        console.close();
        rulesEngine.close();
        provider.close();
    }

    @AfterEach
    void resetProvider() {
        provider.signInAs(ANALYST);
        provider.accessTokenLifetime(Duration.ofMinutes(5));
        provider.audience(FakeOidcProvider.AUDIENCE);
        provider.refuseRefresh(false);
    }

    @Test
    void aPersonSignsInWithTheProviderAndRulesEngineAcceptsTheForwardedToken() throws Exception {
        var browser = new Browser();
        JsonNode before = JsonBody.tree(browser.get("/session"));
        assertThat(before.path("name").isNull()).isTrue();
        assertThat(before.path("signIn").toString()).isEqualTo("[\"oidc\"]");
        assertThat(before.path("oidc").path("name").asString()).isEqualTo("Contoso ID");
        assertThat(before.path("oidc").path("start").asString()).isEqualTo("/oauth2/authorization/idp");
        String csrfBeforeSignIn = browser.cookie("XSRF-TOKEN");
        double signedIn = signIns("signed_in");

        HttpResponse<String> callback = browser.signIn(true);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue(consoleUrl + "/");
        assertThat(signIns("signed_in")).isEqualTo(signedIn + 1);

        HttpResponse<String> session = browser.get("/session");
        JsonNode who = JsonBody.tree(session);
        assertThat(who.path("name").asString()).isEqualTo("ana@example.test");
        assertThat(who.path("roles").toString()).isEqualTo("[\"ANALYST\"]");
        HttpResponse<String> active = browser.get("/api/rules");
        assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
        String yaml = JsonBody.tree(active).path("yaml").asString();
        assertThat(yaml).isNotBlank();

        // A state-changing call: the CSRF token read before sign-in is worth nothing, the new one works.
        String publish = JsonMapper.builder().build().writeValueAsString(Map.of("yaml", yaml + "\n# republished by ana\n",
                "reason", "signed in with OpenID Connect"));
        assertThat(browser.send("POST", "/api/rules/publish", publish, csrfBeforeSignIn).statusCode())
                .isEqualTo(403);
        HttpResponse<String> published = browser.send("POST", "/api/rules/publish", publish,
                browser.cookie("XSRF-TOKEN"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        int version = JsonBody.tree(published).path("version").asInt();
        HttpResponse<String> versions = browser.get("/api/rules/versions");
        assertThat(JsonBody.tree(versions).path("active").asInt()).as(versions.body()).isEqualTo(version);
        // rules-engine recorded the person the token names as publisher
        assertThat(versions.body()).contains("analyst-1");

        // No token ever reaches the browser: not in answers, not in cookies.
        for (String token : provider.accessTokensIssued()) {
            assertThat(session.body() + active.body() + published.body() + browser.cookies()).doesNotContain(token);
        }
    }

    @Test
    void apiKeySignInIsOffWhereOnlyOidcIsConfigured() throws Exception {
        var browser = new Browser();
        browser.get("/session");
        HttpResponse<String> refused = browser.send("POST", "/session", "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}",
                browser.cookie("XSRF-TOKEN"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JsonBody.tree(refused).path("detail").asString()).contains("Contoso ID");
        assertThat(JsonBody.tree(browser.get("/session")).path("name").isNull()).isTrue();
    }

    @Test
    void aTokenWithoutAPersonsRoleIsRefusedAtSignIn() throws Exception {
        for (List<String> roles : List.of(List.of("triage.classifier"),
                List.of("triage.analyst", "triage.classify-service"))) {
            provider.signInAs(new Person("system-1", "ticketing@example.test", roles));
            double refused = signIns("system_token");
            var browser = new Browser();
            HttpResponse<String> callback = browser.signIn(false);
            assertThat(callback.statusCode()).as(roles.toString()).isEqualTo(403);
            assertThat(callback.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JsonBody.tree(callback).path("detail").asString()).contains("person");
            assertThat(JsonBody.tree(browser.get("/session")).path("name").isNull()).isTrue();
            assertThat(browser.get("/api/rules").statusCode()).isEqualTo(401);
            assertThat(signIns("system_token")).isEqualTo(refused + 1);
        }
    }

    @Test
    void aTokenForAnotherApplicationIsRefusedAtSignIn() throws Exception {
        provider.audience("api://payroll");
        double refused = signIns("invalid_token");
        var browser = new Browser();
        HttpResponse<String> callback = browser.signIn(false);
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(JsonBody.tree(callback).path("detail").asString()).contains("audience");
        assertThat(signIns("invalid_token")).isEqualTo(refused + 1);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithTheRefreshToken() throws Exception {
        provider.accessTokenLifetime(Duration.ofSeconds(3));
        var browser = new Browser();
        assertThat(browser.signIn(false).statusCode()).isEqualTo(302);
        int issued = provider.accessTokensIssued().size();
        int refreshes = provider.refreshGrants();
        assertThat(browser.get("/api/rules").statusCode()).isEqualTo(200);
        assertThat(provider.refreshGrants()).as("a valid token is not refreshed").isEqualTo(refreshes);

        // refreshed a second before its expiry (refresh-before-expiry=1s), then forwarded to rules-engine
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(browser.get("/api/rules").statusCode()).isEqualTo(200);
            assertThat(provider.refreshGrants()).isGreaterThan(refreshes);
        });
        assertThat(provider.accessTokensIssued()).hasSizeGreaterThan(issued);
        assertThat(console.getBean(MeterRegistry.class).counter("console.token.refreshes", "outcome", "refreshed")
                .count()).isPositive();
    }

    @Test
    void aRefusedRefreshAnswers401SayingToSignInAgainAndEndsTheSession() throws Exception {
        provider.accessTokenLifetime(Duration.ofSeconds(2));
        var browser = new Browser();
        assertThat(browser.signIn(false).statusCode()).isEqualTo(302);
        provider.refuseRefresh(true);
        int refreshes = provider.refreshGrants();

        HttpResponse<String> refused = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> browser.get("/api/rules"), answer -> answer.statusCode() != 200);
        assertThat(provider.refreshGrants()).isGreaterThan(refreshes);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonBody.tree(refused).path("detail").asString()).contains("sign in again");
        assertThat(JsonBody.tree(browser.get("/session")).path("name").isNull()).isTrue();
        assertThat(browser.get("/api/rules").statusCode()).isEqualTo(401);
        assertThat(console.getBean(MeterRegistry.class).counter("console.token.refreshes", "outcome", "failed")
                .count()).isPositive();
    }

    @Test
    void signingOutEndsTheSessionHereAndAnswersTheProvidersEndSessionUrl() throws Exception {
        var browser = new Browser();
        assertThat(browser.signIn(false).statusCode()).isEqualTo(302);
        browser.get("/session");
        HttpResponse<String> out = browser.send("DELETE", "/session", null, browser.cookie("XSRF-TOKEN"));
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(JsonBody.tree(out).path("endSession").asString()).isEqualTo(provider.issuer()
                + "/logout?client_id=" + FakeOidcProvider.CLIENT_ID + "&post_logout_redirect_uri=" + consoleUrl
                + "/");
        assertThat(browser.get("/api/rules").statusCode()).isEqualTo(401);
        assertThat(JsonBody.tree(browser.get("/session")).path("name").isNull()).isTrue();
    }

    @Test
    void chromiumSignsInWithTheProviderUsingTheKeyboardAndSignsOutThroughIt() throws Exception {
        ChromiumScript.find("OidcSignInIT").run(Path.of("src/test/browser/oidc.mjs"),
                Map.of("CONSOLE_URL", consoleUrl + "/"), Duration.ofMinutes(2),
                Path.of("target", "console-oidc-browser.log"));
    }

    private static double signIns(String outcome) {
        return console.getBean(MeterRegistry.class).counter("console.sign.ins", "method", "oidc", "outcome", outcome)
                .count();
    }

    private static int port(ConfigurableApplicationContext context) {
        return RulesEngineInProcess.port(context);
    }

    /** A browser's part in the flow: its cookies, redirects followed one by one. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return open(URI.create(consoleUrl + path));
        }

        HttpResponse<String> open(URI uri) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String path, @Nullable String json, String csrf)
                throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(consoleUrl + path))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Console → provider → console's callback; answers the callback's response. {@code strictSessionCookie}
         * drops the session cookie before the callback, as a browser does with a SameSite=Strict cookie on the
         * provider's cross-site redirect.
         */
        HttpResponse<String> signIn(boolean strictSessionCookie) throws IOException, InterruptedException {
            HttpResponse<String> start = get("/oauth2/authorization/idp");
            assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
            String authorize = start.headers().firstValue("Location").orElseThrow();
            assertThat(authorize).startsWith(provider.issuer() + "/authorize?").contains("code_challenge_method=S256")
                    .contains("nonce=").contains("state=");
            HttpResponse<String> atProvider = open(URI.create(authorize));
            assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
            if (strictSessionCookie) {
                cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("TRIAGE_CONSOLE"))
                        .toList().forEach(c -> cookies.getCookieStore().remove(null, c));
            }
            return open(URI.create(atProvider.headers().firstValue("Location").orElseThrow()));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        String cookies() {
            return cookies.getCookieStore().getCookies().toString();
        }
    }
}
