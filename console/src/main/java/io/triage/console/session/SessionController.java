package io.triage.console.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.triage.platform.PlatformProperties;
import io.triage.platform.PlatformProperties.ApiKey;
import io.triage.platform.problem.UnauthenticatedException;
import io.triage.platform.security.ApiKeyAuthenticator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in with an API key: the key is checked as the services check it (the same configured keys), kept in the
 * server-side session to call the services on the person's behalf, and never sent back to the browser.
 */
@RestController
class SessionController {

    private final ApiKeyAuthenticator keys;
    private final RoleHierarchy roles;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionController(PlatformProperties platform, RoleHierarchy roles) {
        this.keys = new ApiKeyAuthenticator(platform.security().apiKeys());
        this.roles = roles;
    }

    /** Body of {@code POST /session}. */
    record SignIn(@NotBlank String apiKey) {
    }

    /**
     * Who is signed in, with every role their credentials carry (ADMIN's implied ones too); the pages show what
     * these roles may do. {@code name} is null when nobody is.
     */
    record SignedIn(@Nullable String name, List<String> roles) {
    }

    @PostMapping("/session")
    SignedIn signIn(@Valid @RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        ApiKey holder = keys.authenticate(body.apiKey().strip()).orElseThrow(() -> new UnauthenticatedException(
                "Unknown API key", "This API key is not known; ask an administrator for yours"));
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
        return view(signedIn);
    }

    /** Also hands the browser its CSRF token (cookie {@code XSRF-TOKEN}), which the first sign-in needs. */
    @GetMapping("/session")
    SignedIn current(@Nullable Authentication caller, CsrfToken csrf) {
        csrf.getToken();
        if (caller == null || !(caller.getCredentials() instanceof UserCredentials)) {
            return new SignedIn(null, List.of());
        }
        return view(caller);
    }

    @DeleteMapping("/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    private SignedIn view(Authentication caller) {
        List<String> names = roles.getReachableGrantedAuthorities(caller.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted().toList();
        return new SignedIn(caller.getName(), names);
    }
}
