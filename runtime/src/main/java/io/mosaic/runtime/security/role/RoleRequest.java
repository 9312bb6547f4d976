package io.mosaic.runtime.security.role;

/** Body of creating ({@code key} required) or renaming ({@code key} ignored) a role. */
public record RoleRequest(String key, String nameZh, String nameEn) {
}
