package io.mosaic.runtime.security.role;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The roles a signed-in user may pick, e.g. as the assignees of a process task: keys and names only. The admin
 * API ({@code /api/roles}) shows every role's grants, which a picker has no business revealing.
 */
@Tag(name = "Directory", description = "Names of the roles, for role pickers")
@RestController
@RequestMapping("/api/directory/roles")
@PreAuthorize("isAuthenticated()")
public class RoleDirectoryController {

    private final RoleService roles;

    RoleDirectoryController(RoleService roles) {
        this.roles = roles;
    }

    public record RoleName(String key, String nameZh, String nameEn) {
    }

    @Operation(summary = "Every role's key and names, built-in roles first")
    @GetMapping
    List<RoleName> roles() {
        return roles.list().stream().map(role -> new RoleName(role.key(), role.nameZh(), role.nameEn())).toList();
    }
}
