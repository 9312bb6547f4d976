package io.mosaic.runtime.security.role;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles and grants (role admin, see SecurityConfig). */
@RestController
@RequestMapping("/api/roles")
public class RoleController {

    private final RoleService roles;

    public RoleController(RoleService roles) {
        this.roles = roles;
    }

    @GetMapping
    List<Role> list() {
        return roles.list();
    }

    @GetMapping("/{key}")
    Role get(@PathVariable String key) {
        return roles.get(key);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Role create(@RequestBody RoleRequest request) {
        return roles.create(request);
    }

    @PutMapping("/{key}")
    Role rename(@PathVariable String key, @RequestBody RoleRequest request) {
        return roles.rename(key, request);
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String key) {
        roles.delete(key);
    }

    @PutMapping("/{key}/grants")
    Role replaceGrants(@PathVariable String key, @RequestBody List<GrantJson> grants) {
        return roles.replaceGrants(key, grants);
    }
}
