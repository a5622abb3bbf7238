package io.triage.console.session;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.triage.console.config.ConsoleProperties;
import io.triage.platform.PlatformProperties;
import io.triage.platform.PlatformProperties.Role;
import io.triage.platform.PlatformProperties.ApiKey;
import io.triage.platform.problem.UnauthenticatedException;
import io.triage.platform.security.ApiKeyAuthenticator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * Signing in with an API key: the key is checked as the services check it (the same configured keys), kept in the
 * server-side session to call the services on the person's behalf, and never sent back to the browser. Only a
 * person's key signs in (one with a person's role and no service's role); failed attempts are limited per client
 * address ({@code triage.console.sign-in-failures-per-minute}); a sign-in gets a new session id and a new CSRF token.
 * Where OpenID Connect is configured ({@link OidcSignIn}), {@code GET /session} names it as a way to sign in, and
 * {@code DELETE /session} answers the provider's end-session URL; API-key sign-in can be turned off
 * ({@code triage.console.sign-in.api-key=false}).
 */
@RestController
class SessionController {

    /** The roles a person holds; a key without one of them belongs to a system (a ticketing tool, a service). */
    static final Set<Role> PERSON_ROLES = EnumSet.of(Role.ANALYST, Role.OPS, Role.AGENT, Role.COMPLIANCE,
            Role.ADMIN);
    /** Bound on the failed-attempt limiters kept (one per client address); all are dropped when it is reached. */
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final ApiKeyAuthenticator keys;
    private final RoleHierarchy roles;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfAuthenticationStrategy csrfRenewal;
    private final RateLimiterConfig failures;
    private final Map<String, RateLimiter> failuresByAddress = new ConcurrentHashMap<>();
    private final SignInOutcomes outcomes;
    private final boolean apiKeySignIn;
    private final @Nullable OidcSignIn oidc;

    SessionController(PlatformProperties platform, RoleHierarchy roles, CookieCsrfTokenRepository csrfTokens,
            ConsoleProperties console, SignInOutcomes outcomes, ObjectProvider<OidcSignIn> oidc) {
        this.keys = new ApiKeyAuthenticator(platform.security().apiKeys());
        this.roles = roles;
        this.csrfRenewal = new CsrfAuthenticationStrategy(csrfTokens);
        this.csrfRenewal.setRequestHandler(new CsrfTokenRequestAttributeHandler());
        this.failures = RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, console.signInFailuresPerMinute()))
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.outcomes = outcomes;
        this.apiKeySignIn = console.signIn().apiKey();
        this.oidc = oidc.getIfAvailable();
        if (!apiKeySignIn && this.oidc == null) {
            throw new IllegalStateException("triage.console.sign-in.api-key=false needs OpenID Connect sign-in "
                    + "(triage.console.sign-in.oidc-registration): otherwise nobody can sign in");
        }
    }

    /** Whether these roles are a person's: one of {@link #PERSON_ROLES} and no service's ({@code *_SERVICE}). */
    static boolean isPerson(Collection<Role> held) {
        return held.stream().anyMatch(PERSON_ROLES::contains)
                && held.stream().noneMatch(role -> role.name().endsWith("_SERVICE"));
    }

    /** Body of {@code POST /session}. */
    record SignIn(@NotBlank String apiKey) {
    }

    /**
     * Who is signed in, with every role their credentials carry (ADMIN's implied ones too); the pages show what
     * these roles may do. {@code name} is null when nobody is. {@code signIn} lists the ways to sign in
     * ({@code api-key}, {@code oidc}); {@code oidc} is the provider when there is one.
     */
    record SignedIn(@Nullable String name, List<String> roles, List<String> signIn, @Nullable Provider oidc) {
    }

    /**
     * An OpenID Connect provider to sign in with.
     *
     * @param name its name on the sign-in form
     * @param start where the browser goes to sign in with it (a top-level navigation, not a fetch)
     */
    record Provider(String name, String start) {
    }

    /** The answer to {@code DELETE /session} when the provider's session should end too. */
    record SignedOut(URI endSession) {
    }

    @PostMapping("/session")
    SignedIn signIn(@Valid @RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        if (!apiKeySignIn) {
            outcomes.count(SignInOutcomes.API_KEY, "disabled");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "Signing in with an API key is turned off here; sign in with "
                            + (oidc == null ? "OpenID Connect" : oidc.name())), null);
        }
        String address = request.getRemoteAddr();
        RateLimiter earlier = failuresByAddress.get(address);
        if (earlier != null && earlier.getMetrics().getAvailablePermissions() <= 0) {
            count("throttled");
            ErrorResponseException throttled = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                    ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins from "
                            + "this address; try again in a minute"), null);
            throttled.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
            throw throttled;
        }
        Optional<ApiKey> known = keys.authenticate(body.apiKey().strip());
        if (known.isEmpty()) {
            failureFrom(address);
            count("unknown_key");
            throw new UnauthenticatedException("Unknown API key",
                    "This API key is not known; ask an administrator for yours");
        }
        ApiKey holder = known.orElseThrow();
        if (!isPerson(holder.roles())) {
            failureFrom(address);
            count("system_key");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "This API key belongs to a system, not a person; sign in with your own "
                            + "key (a role among " + PERSON_ROLES + ")"), null);
        }
        // A new session id at sign-in, so that a session id planted before it is worth nothing (session fixation).
        request.getSession(true);
        request.changeSessionId();
        List<SimpleGrantedAuthority> authorities = holder.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(holder.name(),
                new UserCredentials(body.apiKey().strip()), authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // A new CSRF token too (cookie XSRF-TOKEN, written now), so that one read before sign-in is worth nothing.
        csrfRenewal.onAuthentication(signedIn, request, response);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken renewed) {
            renewed.getToken();
        }
        count("signed_in");
        return view(signedIn);
    }

    /** Counts a failed sign-in against its address; only addresses that failed are tracked. */
    private void failureFrom(String address) {
        if (failuresByAddress.size() >= MAX_TRACKED_ADDRESSES) {
            failuresByAddress.clear();
        }
        failuresByAddress.computeIfAbsent(address, key -> RateLimiter.of("sign-in " + key, failures))
                .acquirePermission();
    }

    private void count(String outcome) {
        outcomes.count(SignInOutcomes.API_KEY, outcome);
    }

    /** Also hands the browser its CSRF token (cookie {@code XSRF-TOKEN}), which the first sign-in needs. */
    @GetMapping("/session")
    SignedIn current(@Nullable Authentication caller, CsrfToken csrf) {
        csrf.getToken();
        if (caller == null || !(caller.getCredentials() instanceof UserCredentials
                || caller instanceof OAuth2AuthenticationToken)) {
            return new SignedIn(null, List.of(), methods(), provider());
        }
        return view(caller);
    }

    /**
     * Ends the session here; for a person signed in with OpenID Connect whose provider has an end-session endpoint,
     * answers it (200 {@code {"endSession": url}}) for the page to go to, so that the provider's session ends as well
     * (else the next "Sign in with" would sign them straight in again). Otherwise 204.
     */
    @DeleteMapping("/session")
    ResponseEntity<SignedOut> signOut(@Nullable Authentication caller, HttpServletRequest request) {
        Optional<URI> endSession = oidc != null && caller instanceof OAuth2AuthenticationToken
                ? oidc.endSession(request) : Optional.empty();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return endSession.map(url -> ResponseEntity.ok(new SignedOut(url)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private List<String> methods() {
        List<String> methods = new ArrayList<>();
        if (apiKeySignIn) {
            methods.add(SignInOutcomes.API_KEY);
        }
        if (oidc != null) {
            methods.add(SignInOutcomes.OIDC);
        }
        return List.copyOf(methods);
    }

    private @Nullable Provider provider() {
        return oidc == null ? null : new Provider(oidc.name(), oidc.start());
    }

    private SignedIn view(Authentication caller) {
        List<String> names = roles.getReachableGrantedAuthorities(caller.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted().toList();
        return new SignedIn(caller.getName(), names, methods(), provider());
    }
}
