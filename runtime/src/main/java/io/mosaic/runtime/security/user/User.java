package io.mosaic.runtime.security.user;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.mosaic.api.security.UserContext;

/** A user account as the admin API shows it (never with its password hash). */
public record User(long id, String username, String displayName, String email, String locale, Long orgId,
                   Long managerId, String dealerId, List<String> roles, boolean enabled, Instant createdAt) {

    @JsonIgnore
    public boolean isAdmin() {
        return roles.contains(UserContext.ADMIN_ROLE);
    }
}
