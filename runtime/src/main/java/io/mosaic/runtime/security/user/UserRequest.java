package io.mosaic.runtime.security.user;

import java.util.List;

/**
 * Body of creating or changing a user. On change a null password keeps the old one and a null
 * {@code enabled} keeps the old state; new users are enabled unless {@code enabled} is false.
 */
public record UserRequest(String username, String displayName, String email, String password, Long orgId,
                          Long managerId, String dealerId, List<String> roles, String locale, Boolean enabled) {
}
