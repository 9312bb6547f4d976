package io.mosaic.runtime.security.token;

import java.time.Instant;
import java.util.List;

/** Answer to creating a token: the token's details and, this one time, the token itself. */
public record CreatedToken(long id, String name, String prefix, List<String> scopes, Instant createdAt,
                           Instant expiresAt, String token) {
}
