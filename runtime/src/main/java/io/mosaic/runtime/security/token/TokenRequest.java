package io.mosaic.runtime.security.token;

import java.util.List;

/** Body of creating a token; without {@code expiresInDays} the token does not expire. */
public record TokenRequest(String name, List<String> scopes, Integer expiresInDays) {
}
