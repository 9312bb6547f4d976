package io.mosaic.runtime.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.mosaic.api.security.UserContext;

/**
 * The authenticated principal. It is stored in the database-backed session (Spring Session JDBC),
 * so it must stay serialisable and small; other nodes deserialise it to serve the same user.
 */
public final class MosaicUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Spring authorities are {@code ROLE_<roleKey>}. */
    public static final String ROLE_PREFIX = "ROLE_";

    private final long id;
    private final String username;
    private String passwordHash;
    private final boolean enabled;
    private final Long orgId;
    private final String dealerId;
    private final String locale;
    private final TreeSet<String> roles;

    public MosaicUser(long id, String username, String passwordHash, boolean enabled, Long orgId, String dealerId,
                      String locale, Collection<String> roles) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.orgId = orgId;
        this.dealerId = dealerId;
        this.locale = locale;
        this.roles = new TreeSet<>(roles);
    }

    public long id() {
        return id;
    }

    public Long orgId() {
        return orgId;
    }

    public String dealerId() {
        return dealerId;
    }

    public String locale() {
        return locale;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(UserContext.ADMIN_ROLE);
    }

    /** This user with another locale, for a session whose user changed their language. */
    public MosaicUser withLocale(String newLocale) {
        return new MosaicUser(id, username, null, enabled, orgId, dealerId, newLocale, roles);
    }

    public UserContext toContext() {
        return new UserContext(id, username, orgId, dealerId, roles, locale);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + r)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MosaicUser other && id == other.id && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, username);
    }

    @Override
    public String toString() {
        return "MosaicUser[" + id + ", " + username + ", roles=" + List.copyOf(roles) + "]";
    }
}
