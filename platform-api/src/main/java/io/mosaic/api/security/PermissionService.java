package io.mosaic.api.security;

/**
 * The one place engines ask what a user may do: app, then form action, then row scope, then field.
 * The runtime implements it from users, roles and the role grants of installed apps.
 */
public interface PermissionService {

    /** Whether the user sees the app at all (has any role the app grants something to, or is admin). */
    boolean canAccessApp(UserContext user, String appKey);

    /** Everything the user may do with one form of one app. */
    FormPermission formPermission(UserContext user, String appKey, String formKey);
}
