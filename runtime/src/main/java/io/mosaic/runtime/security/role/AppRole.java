package io.mosaic.runtime.security.role;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowScope;

/**
 * A role as an app manifest declares it, for {@link RoleService#upsertAppRoles}.
 *
 * @param grants what the role may do with the app's forms; form {@code "*"} means every form of the app
 */
public record AppRole(String key, String nameZh, String nameEn, List<Grant> grants) {

    public AppRole {
        grants = List.copyOf(grants);
    }

    /** One grant of an app role; the app is the one being installed. */
    public record Grant(String form, Set<FormAction> actions, RowScope rowScope, Map<String, FieldAccess> fields) {
    }
}
