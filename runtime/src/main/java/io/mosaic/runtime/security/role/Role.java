package io.mosaic.runtime.security.role;

import java.util.List;

/** A role as the API shows it, with its grants across all apps. */
public record Role(String key, String nameZh, String nameEn, boolean builtIn, List<GrantJson> grants) {
}
