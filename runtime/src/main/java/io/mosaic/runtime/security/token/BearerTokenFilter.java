package io.mosaic.runtime.security.token;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import io.mosaic.runtime.security.ExplainedAccessDenied;
import io.mosaic.runtime.security.MosaicUser;
import io.mosaic.runtime.security.user.UserService;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests from the token alone, ignoring any
 * session cookie, and stores nothing in a session. A bad token answers 401 straight away; a method
 * the token's scopes do not allow answers 403.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokenService tokens;
    private final UserService users;
    private final AuthenticationEntryPoint entryPoint;
    private final AccessDeniedHandler accessDeniedHandler;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public BearerTokenFilter(ApiTokenService tokens, UserService users, AuthenticationEntryPoint entryPoint,
                             AccessDeniedHandler accessDeniedHandler) {
        this.tokens = tokens;
        this.users = users;
        this.entryPoint = entryPoint;
        this.accessDeniedHandler = accessDeniedHandler;
    }

    /** Whether the request authenticates with a bearer token (and so uses no cookies and needs no CSRF token). */
    public static boolean isBearerRequest(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isBearerRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<ApiTokenAuthentication> authentication = tokens.authenticate(presented)
                .flatMap(match -> users.principal(match.userId()).filter(MosaicUser::isEnabled).map(user -> {
                    user.eraseCredentials();
                    return new ApiTokenAuthentication(user, match.tokenId(), match.scopes());
                }));
        if (authentication.isEmpty()) {
            contextHolder.clearContext();
            entryPoint.commence(request, response,
                    new BadCredentialsException("The API token is unknown, expired or revoked, or its user is disabled"));
            return;
        }
        if (!TokenScope.allowsMethod(authentication.get().scopes(), request.getMethod())) {
            accessDeniedHandler.handle(request, response,
                    new ExplainedAccessDenied("The token's scopes do not allow " + request.getMethod() + " requests"));
            return;
        }
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        contextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
