package io.mosaic.runtime.security.token;

import java.io.Serial;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import io.mosaic.runtime.security.MosaicUser;

/** A request authenticated by an API token: the token's user, limited by the token's scopes. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final MosaicUser user;
    private final long tokenId;
    private final Set<TokenScope> scopes;

    public ApiTokenAuthentication(MosaicUser user, long tokenId, Set<TokenScope> scopes) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    public long tokenId() {
        return tokenId;
    }

    public boolean hasScope(TokenScope scope) {
        return scopes.contains(scope);
    }

    public Set<TokenScope> scopes() {
        return scopes;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public MosaicUser getPrincipal() {
        return user;
    }
}
