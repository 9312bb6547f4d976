package io.mosaic.runtime.security.token;

import java.util.Locale;
import java.util.Set;

/**
 * What an API token may do: {@code read} only GET and HEAD; {@code write} every method; {@code admin}
 * every method and the admin endpoints too, when the token's user is an administrator.
 */
public enum TokenScope {
    READ, WRITE, ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenScope of(String key) {
        for (TokenScope scope : values()) {
            if (scope.key().equals(key)) {
                return scope;
            }
        }
        return null;
    }

    /** Whether tokens with {@code scopes} may use an HTTP method at all. */
    public static boolean allowsMethod(Set<TokenScope> scopes, String method) {
        return scopes.contains(WRITE) || scopes.contains(ADMIN)
                || (scopes.contains(READ) && ("GET".equals(method) || "HEAD".equals(method)));
    }
}
