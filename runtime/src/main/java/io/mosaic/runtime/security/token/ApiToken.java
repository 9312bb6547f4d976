package io.mosaic.runtime.security.token;

import java.time.Instant;
import java.util.List;

/** An API token as its owner sees it; the secret itself is shown once, at creation, and never stored. */
public record ApiToken(long id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
                       Instant lastUsedAt, Instant revokedAt) {
}
