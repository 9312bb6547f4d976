package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.api.app.AppManifest;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.FormPermission;
import io.mosaic.api.security.PermissionService;
import io.mosaic.api.security.RowCondition;
import io.mosaic.api.security.RowScope;
import io.mosaic.api.security.UserContext;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.role.GrantJson;
import io.mosaic.runtime.security.role.RoleRequest;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

class GrantPermissionServiceTest extends SecurityTestSupport {

    @Autowired
    PermissionService permissions;

    @Test
    void unionsActionsAndRowScopesAcrossRoles() {
        String app = unique("app");
        String viewer = role(grant(app, "dealer", "read", "own", Map.of()));
        String editor = role(grant(app, "dealer", "update", "own_dealer", Map.of()));

        FormPermission permission = permissions.formPermission(user(viewer, editor), app, "dealer");

        assertThat(permission.actions()).containsExactlyInAnyOrder(FormAction.READ, FormAction.UPDATE);
        assertThat(permission.rowScopes()).containsExactlyInAnyOrder(RowScope.OWN, RowScope.OWN_DEALER);
        assertThat(permission.seesAllRows()).isFalse();
    }

    @Test
    void aFilteredGrantKeepsItsConditionsToItsOwnScopeAndAnotherRolesPlainGrantStaysWhole() {
        String app = unique("app");
        RowCondition level = new RowCondition("levels", RowCondition.CONTAINS, "$dealer.level", true);
        String dealer = role(new GrantJson(app, "notice", List.of("read"), "all", Map.of(), List.of(level)));
        String staff = role(grant(app, "notice", "read", "own", Map.of()));

        FormPermission filtered = permissions.formPermission(user(dealer), app, "notice");
        FormPermission both = permissions.formPermission(user(dealer, staff), app, "notice");

        assertThat(filtered.rowScopes()).isEmpty();
        assertThat(filtered.seesAllRows()).isFalse();
        assertThat(filtered.filtered()).containsExactly(new FormPermission.FilteredScope(RowScope.ALL, List.of(level)));
        assertThat(both.rowScopes()).containsExactly(RowScope.OWN);
        assertThat(both.filtered()).hasSize(1);
        assertThat(roles.get(dealer).grants().get(0).rowFilter()).containsExactly(level);
    }

    @Test
    void refusesAMalformedRowConditionAtItsPointer() {
        String key = unique("role");
        roles.create(new RoleRequest(key, "角色", "Role"));
        List<GrantJson> grants = List.of(new GrantJson(unique("app"), "notice", List.of("read"), "all", Map.of(),
                List.of(new RowCondition("levels", "like", "A", false), new RowCondition("levels", "eq", "$dealer", false))));

        assertThatThrownBy(() -> roles.replaceGrants(key, grants)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.problems()).extracting(ApiError.Problem::pointer)
                        .containsExactly("/0/rowFilter/0/op", "/0/rowFilter/1/value"));
    }

    @Test
    void aFormGrantReplacesTheRolesWildcardGrantForThatForm() {
        String app = unique("app");
        String role = role(grant(app, "*", "read,export", "all", Map.of()),
                grant(app, "dealer", "read", "own", Map.of("credit_limit", "hidden")));

        FormPermission dealer = permissions.formPermission(user(role), app, "dealer");
        FormPermission order = permissions.formPermission(user(role), app, "order");

        assertThat(dealer.actions()).containsExactly(FormAction.READ);
        assertThat(dealer.rowScopes()).containsExactly(RowScope.OWN);
        assertThat(dealer.field("credit_limit")).isEqualTo(FieldAccess.HIDDEN);
        assertThat(order.actions()).containsExactlyInAnyOrder(FormAction.READ, FormAction.EXPORT);
        assertThat(order.seesAllRows()).isTrue();
    }

    @Test
    void fieldIsAsOpenAsTheMostOpenReadingRoleMakesIt() {
        String app = unique("app");
        String hides = role(grant(app, "dealer", "read", "own", Map.of("credit_limit", "hidden", "phone", "hidden")));
        String showsReadOnly = role(grant(app, "dealer", "read", "own", Map.of("credit_limit", "read_only")));
        // a role that cannot read the form has no say in what readers see
        String creatorOnly = role(grant(app, "dealer", "create", "own", Map.of("rating", "hidden")));

        FormPermission permission = permissions.formPermission(user(hides, showsReadOnly, creatorOnly), app, "dealer");

        assertThat(permission.fields()).containsExactlyInAnyOrderEntriesOf(
                Map.of("credit_limit", FieldAccess.READ_ONLY));
        assertThat(permission.field("phone")).isEqualTo(FieldAccess.EDITABLE);
        assertThat(permission.field("rating")).isEqualTo(FieldAccess.EDITABLE);
    }

    @Test
    void orgSubtreeReachesTheUsersUnitAndEveryUnitBelowIt() {
        OrgUnit company = createOrg(null, "company");
        OrgUnit region = createOrg(company.id(), "region");
        OrgUnit team = createOrg(region.id(), "team");
        OrgUnit otherRegion = createOrg(company.id(), "region");
        String app = unique("app");
        String subtree = role(grant(app, "dealer", "read", "org_subtree", Map.of()));
        String ownOrg = role(grant(app, "order", "read", "own_org", Map.of()));
        UserContext regionUser = new UserContext(1, "r", region.id(), null, Set.of(subtree, ownOrg), "en");

        assertThat(permissions.formPermission(regionUser, app, "dealer").orgIds())
                .containsExactlyInAnyOrder(region.id(), team.id())
                .doesNotContain(otherRegion.id(), company.id());
        assertThat(permissions.formPermission(regionUser, app, "order").orgIds()).containsExactly(region.id());
    }

    @Test
    void adminMayDoEverythingAndOthersNothingWithoutGrants() {
        String app = unique("app");
        UserContext admin = new UserContext(1, "a", null, null, Set.of("admin"), "en");
        UserContext nobody = user(role());

        assertThat(permissions.formPermission(admin, app, "dealer").actions())
                .isEqualTo(EnumSet.allOf(FormAction.class));
        assertThat(permissions.formPermission(admin, app, "dealer").seesAllRows()).isTrue();
        assertThat(permissions.canAccessApp(admin, app)).isTrue();
        assertThat(permissions.formPermission(nobody, app, "dealer")).isEqualTo(FormPermission.none());
        assertThat(permissions.canAccessApp(nobody, app)).isFalse();
    }

    @Test
    void anyGrantOnAnAppOpensTheAppButNotOtherApps() {
        String app = unique("app");
        String role = role(grant(app, "dealer", "read", "own", Map.of()));

        assertThat(permissions.canAccessApp(user(role), app)).isTrue();
        assertThat(permissions.canAccessApp(user(role), unique("other"))).isFalse();
    }

    @Test
    void upsertingAnAppsRolesReplacesOnlyThatAppsGrants() {
        String app = unique("app");
        String otherApp = unique("app");
        String role = role(grant(app, "dealer", "read,update", "all", Map.of()),
                grant(otherApp, "invoice", "read", "all", Map.of()));

        roles.upsertAppRoles(app, List.of(new AppManifest.Role(role, new LocalizedText("经理", "Manager"), List.of(
                new AppManifest.Grant("order", Set.of(FormAction.CREATE), RowScope.OWN, Map.of())))));
        String newRole = unique("role");
        roles.upsertAppRoles(app, List.of(new AppManifest.Role(newRole, new LocalizedText("新", "New"), List.of())));

        assertThat(permissions.formPermission(user(role), app, "dealer").actions()).isEmpty();
        assertThat(permissions.formPermission(user(role), app, "order").actions()).containsExactly(FormAction.CREATE);
        assertThat(permissions.formPermission(user(role), otherApp, "invoice").actions()).containsExactly(FormAction.READ);
        assertThat(roles.get(role).nameEn()).isEqualTo("Manager");
        assertThat(roles.get(newRole).builtIn()).isFalse();
    }

    @Test
    void answersTheSignedInUsersPermissionInTheGrantSpelling() throws Exception {
        String app = unique("app");
        String role = role(grant(app, "dealer", "read,update", "org_subtree", Map.of("credit_limit", "read_only")));
        OrgUnit unit = createOrg(null, "region");
        User user = createUser(unit.id(), role);

        mvc.perform(get("/api/permissions/" + app + "/dealer").with(as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions").value(contains("read", "update")))
                .andExpect(jsonPath("$.rowScopes").value(contains("org_subtree")))
                .andExpect(jsonPath("$.fields.credit_limit").value("read_only"))
                .andExpect(jsonPath("$.orgIds").value(contains((int) unit.id())));
    }

    private static UserContext user(String... roleKeys) {
        return new UserContext(42, "someone", null, null, Set.of(roleKeys), "en");
    }

    private String role(GrantJson... grants) {
        String key = unique("role");
        roles.create(new RoleRequest(key, "角色", "Role"));
        roles.replaceGrants(key, List.of(grants));
        return key;
    }

    private static GrantJson grant(String app, String form, String actions, String rowScope, Map<String, String> fields) {
        return new GrantJson(app, form, List.of(actions.split(",")), rowScope, fields);
    }
}
