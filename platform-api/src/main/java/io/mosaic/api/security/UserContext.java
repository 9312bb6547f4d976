package io.mosaic.api.security;

import java.util.Set;

/**
 * The user a request acts for, as the engines see it.
 *
 * @param userId   database id of the user
 * @param username login name
 * @param orgId    the organisation unit the user belongs to, or null
 * @param dealerId the dealer record a dealer account is bound to, or null
 * @param roles    role keys
 * @param locale   preferred language, {@code zh-CN} or {@code en}
 */
public record UserContext(long userId, String username, Long orgId, String dealerId, Set<String> roles, String locale) {

    public static final String ADMIN_ROLE = "admin";

    public UserContext {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
