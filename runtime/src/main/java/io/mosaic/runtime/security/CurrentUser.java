package io.mosaic.runtime.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.mosaic.api.security.UserContext;
import io.mosaic.runtime.web.ApiException;

/**
 * The signed-in user of a request, for code outside security. Controllers can also simply declare a
 * {@link UserContext} parameter (see {@link UserContextArgumentResolver}).
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The user of the current request; 401 when nobody is signed in. */
    public static UserContext get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The user an authentication stands for; 401 when it is anonymous. */
    public static UserContext of(Authentication authentication) {
        return principal(authentication).toContext();
    }

    public static MosaicUser principal(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof MosaicUser user) {
            return user;
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required", "Sign in or send an API token");
    }
}
