package io.mosaic.runtime.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.runtime.security.user.PasswordLinks;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiErrors;
import io.mosaic.runtime.web.ApiException;

/**
 * Browser sign-in: the CSRF token, JSON login into a database-backed session (logout is SecurityConfig's), and
 * setting a password with a one-time link.
 */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final AuthenticationManager authenticationManager;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contextRepository;
    private final LoginThrottle throttle;
    private final UserService users;
    private final PasswordLinks passwordLinks;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public AuthController(AuthenticationManager authenticationManager, SessionAuthenticationStrategy sessionStrategy,
                          SecurityContextRepository contextRepository, LoginThrottle throttle, UserService users,
                          PasswordLinks passwordLinks) {
        this.authenticationManager = authenticationManager;
        this.sessionStrategy = sessionStrategy;
        this.contextRepository = contextRepository;
        this.throttle = throttle;
        this.users = users;
        this.passwordLinks = passwordLinks;
    }

    /** Also sets the XSRF-TOKEN cookie, since reading the token makes the repository save it. */
    @GetMapping("/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @PostMapping("/login")
    Me login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        InputProblems problems = new InputProblems();
        problems.requireText("/username", body.username(), 200);
        problems.requireText("/password", body.password(), 200);
        problems.throwIfAny();
        String clientIp = request.getRemoteAddr();
        throttle.lockedFor(body.username(), clientIp).ifPresent(wait -> {
            throw new LoginThrottled(wait);
        });
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(UserService.normalise(body.username()),
                            body.password()));
        } catch (AuthenticationException e) {
            throttle.recordFailure(body.username(), clientIp);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.bad_credentials", "Wrong username or password");
        }
        throttle.recordSuccess(body.username());
        sessionStrategy.onAuthentication(authentication, request, response);
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        contextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        // The strategy replaced the CSRF token lazily; reading it sets the new cookie in this response.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken();
        }
        return Me.of(users.get(CurrentUser.principal(authentication).id()));
    }

    /** Sets a password with a one-time link's secret (no session needed); answers the username to sign in with. */
    @PostMapping("/password")
    Map<String, String> setPassword(@RequestBody PasswordRequest body) {
        return Map.of("username", passwordLinks.use(body.token(), body.password()));
    }

    @ExceptionHandler(LoginThrottled.class)
    ResponseEntity<ApiError> throttled(LoginThrottled e, HttpServletRequest request) {
        long seconds = Math.max(1, (e.wait.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(ApiErrors.of(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled",
                        "Too many failed logins; try again in " + seconds + " seconds", List.of(), request));
    }

    record LoginRequest(String username, String password) {
    }

    record PasswordRequest(String token, String password) {
    }

    private static final class LoginThrottled extends RuntimeException {

        private final transient Duration wait;

        LoginThrottled(Duration wait) {
            super(null, null, false, false);
            this.wait = wait;
        }
    }
}
