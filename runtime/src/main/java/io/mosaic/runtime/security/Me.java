package io.mosaic.runtime.security;

import java.util.List;

import io.mosaic.runtime.security.user.User;

/** The signed-in user, as {@code GET /api/me} shows them. */
public record Me(long id, String username, String displayName, String email, String locale, Long orgId,
                 String dealerId, List<String> roles, boolean admin) {

    public static Me of(User user) {
        return new Me(user.id(), user.username(), user.displayName(), user.email(), user.locale(), user.orgId(),
                user.dealerId(), user.roles(), user.isAdmin());
    }
}
