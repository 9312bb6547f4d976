package io.mosaic.runtime.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.api.security.PermissionService;
import io.mosaic.api.security.UserContext;

/** What the signed-in user may do with a form, so the UI can show only what will be allowed. */
@RestController
public class PermissionController {

    private final PermissionService permissions;

    public PermissionController(PermissionService permissions) {
        this.permissions = permissions;
    }

    @GetMapping("/api/permissions/{app}/{form}")
    PermissionView permission(UserContext user, @PathVariable String app, @PathVariable String form) {
        return PermissionView.of(app, form, permissions.formPermission(user, app, form));
    }
}
