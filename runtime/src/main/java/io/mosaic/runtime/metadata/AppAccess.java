package io.mosaic.runtime.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.PermissionService;
import io.mosaic.api.security.UserContext;
import io.mosaic.runtime.security.MosaicUser;

/** Which apps, and which menu items of an app, a signed-in user sees. */
@Component
public class AppAccess {

    private static final String ANALYST_ROLE = "analyst";
    private static final String ROLE_PREFIX = "ROLE_";

    private final PermissionService permissions;

    AppAccess(PermissionService permissions) {
        this.permissions = permissions;
    }

    /** Admins and analysts see every app (they build them); others as their roles' grants say. */
    public boolean canSee(Authentication user, String appKey) {
        Set<String> roles = roles(user);
        if (roles.contains(UserContext.ADMIN_ROLE) || roles.contains(ANALYST_ROLE)) {
            return true;
        }
        return permissions.canAccessApp(userContext(user, roles), appKey);
    }

    /** The user an authentication stands for, as {@link PermissionService} takes it. */
    public static UserContext userContext(Authentication user) {
        return userContext(user, roles(user));
    }

    /**
     * The menu items the user may see, children filtered the same way: an item with a {@code roles}
     * list is shown to admins and to users having one of those roles, an item without one to everyone.
     */
    List<JsonNode> visibleMenus(Authentication user, JsonNode menus) {
        Set<String> roles = roles(user);
        return filter(menus, roles.contains(UserContext.ADMIN_ROLE), roles);
    }

    private static List<JsonNode> filter(JsonNode menus, boolean admin, Set<String> roles) {
        List<JsonNode> visible = new ArrayList<>();
        for (JsonNode item : menus) {
            if (!item.isObject() || !(admin || allowed(item.get("roles"), roles))) {
                continue;
            }
            ObjectNode copy = ((ObjectNode) item).deepCopy();
            if (item.has("children")) {
                ArrayNode children = copy.putArray("children");
                filter(item.get("children"), admin, roles).forEach(children::add);
            }
            visible.add(copy);
        }
        return visible;
    }

    private static boolean allowed(JsonNode itemRoles, Set<String> roles) {
        if (itemRoles == null || !itemRoles.isArray()) {
            return true;
        }
        for (JsonNode role : itemRoles) {
            if (roles.contains(role.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> roles(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Sessions and API tokens carry a {@link MosaicUser}; an authentication the platform did not make
     * itself (a test's mock user) is described by its name and roles alone.
     */
    private static UserContext userContext(Authentication user, Set<String> roles) {
        if (user.getPrincipal() instanceof MosaicUser principal) {
            return principal.toContext();
        }
        return new UserContext(0, user.getName(), null, null, roles, null);
    }
}
