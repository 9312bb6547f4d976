package io.mosaic.runtime.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.FormPermission;
import io.mosaic.api.security.PermissionService;
import io.mosaic.api.security.RowScope;
import io.mosaic.api.security.UserContext;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.role.RoleGrant;
import io.mosaic.runtime.security.role.RoleService;

/**
 * Permissions from role grants. Within one role a grant for the form itself replaces the role's
 * {@code "*"} grant for the app; across roles everything adds up: actions and row scopes are the
 * union, and a field is as open as the most open of the roles that may read the form make it. A grant with a row
 * filter adds its row scope with its own conditions only: another role's plain grant is not narrowed by them.
 */
@Service
public class GrantPermissionService implements PermissionService {

    private final RoleService roles;
    private final OrgService orgs;

    public GrantPermissionService(RoleService roles, OrgService orgs) {
        this.roles = roles;
        this.orgs = orgs;
    }

    @Override
    public boolean canAccessApp(UserContext user, String appKey) {
        return user.isAdmin() || !roles.grantsOn(user.roles(), appKey).isEmpty();
    }

    @Override
    public FormPermission formPermission(UserContext user, String appKey, String formKey) {
        if (user.isAdmin()) {
            return new FormPermission(EnumSet.allOf(FormAction.class), Set.of(RowScope.ALL), Map.of(), Set.of());
        }
        List<RoleGrant> effective = new ArrayList<>();
        roles.grantsOn(user.roles(), appKey).values()
                .forEach(grants -> grantFor(grants, formKey).ifPresent(effective::add));
        if (effective.isEmpty()) {
            return FormPermission.none();
        }
        Set<FormAction> actions = EnumSet.noneOf(FormAction.class);
        Set<RowScope> scopes = EnumSet.noneOf(RowScope.class);
        List<FormPermission.FilteredScope> filtered = new ArrayList<>();
        effective.forEach(g -> {
            actions.addAll(g.actions());
            if (g.rowFilter().isEmpty()) {
                scopes.add(g.rowScope());
            } else {
                filtered.add(new FormPermission.FilteredScope(g.rowScope(), g.rowFilter()));
            }
        });
        Set<RowScope> reaching = EnumSet.copyOf(scopes);
        filtered.forEach(f -> reaching.add(f.scope()));
        return new FormPermission(actions, scopes, fieldAccess(effective), orgIds(user, reaching), filtered);
    }

    private static Optional<RoleGrant> grantFor(List<RoleGrant> roleGrants, String formKey) {
        return roleGrants.stream().filter(g -> g.form().equals(formKey)).findFirst()
                .or(() -> roleGrants.stream().filter(g -> RoleGrant.ALL_FORMS.equals(g.form())).findFirst());
    }

    /** Roles that cannot read the form say nothing about what a reader sees, unless no role can read it. */
    private static Map<String, FieldAccess> fieldAccess(List<RoleGrant> grants) {
        List<RoleGrant> readers = grants.stream().filter(g -> g.actions().contains(FormAction.READ)).toList();
        List<RoleGrant> deciding = readers.isEmpty() ? grants : readers;
        Set<String> keys = new HashSet<>();
        deciding.forEach(g -> keys.addAll(g.fields().keySet()));
        Map<String, FieldAccess> result = new HashMap<>();
        for (String key : keys) {
            FieldAccess access = deciding.stream().map(g -> g.fields().getOrDefault(key, FieldAccess.EDITABLE))
                    .reduce(FieldAccess::mostOpen).orElse(FieldAccess.EDITABLE);
            if (access != FieldAccess.EDITABLE) {
                result.put(key, access);
            }
        }
        return result;
    }

    private Set<Long> orgIds(UserContext user, Set<RowScope> scopes) {
        if (user.orgId() == null) {
            return Set.of();
        }
        if (scopes.contains(RowScope.ORG_SUBTREE)) {
            return orgs.subtree(user.orgId());
        }
        return scopes.contains(RowScope.OWN_ORG) ? Set.of(user.orgId()) : Set.of();
    }
}
