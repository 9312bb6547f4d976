package io.mosaic.runtime.security.role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.api.app.AppManifest;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowCondition;
import io.mosaic.api.security.RowScope;
import io.mosaic.runtime.security.InputProblems;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/** Roles and their grants. Every method joins the caller's transaction, so a pack import can call them atomically. */
@Service
public class RoleService {

    public static final Pattern ROLE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final TypeReference<Map<String, String>> FIELD_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<RowCondition>> ROW_FILTER = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RoleService(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Role> list() {
        Map<String, List<GrantJson>> grants = new TreeMap<>();
        jdbc.sql("SELECT * FROM MO_ROLE_GRANT ORDER BY app_key, form_key").query(this::grant).list()
                .forEach(g -> grants.computeIfAbsent(g.roleKey(), k -> new ArrayList<>()).add(GrantJson.of(g.grant())));
        return jdbc.sql("SELECT role_key, name_zh, name_en, built_in FROM MO_ROLE ORDER BY built_in DESC, role_key")
                .query((rs, n) -> role(rs, grants.getOrDefault(rs.getString("role_key"), List.of()))).list();
    }

    public Role get(String key) {
        return find(key).orElseThrow(() -> ApiException.notFound("Role " + key));
    }

    public Optional<Role> find(String key) {
        List<GrantJson> grants = grantsOf(List.of(key)).stream().map(GrantJson::of).toList();
        return jdbc.sql("SELECT role_key, name_zh, name_en, built_in FROM MO_ROLE WHERE role_key = ?").param(key)
                .query((rs, n) -> role(rs, grants)).optional();
    }

    /** The keys among {@code keys} that name no role. */
    public Set<String> unknown(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> known = Set.copyOf(jdbc.sql("SELECT role_key FROM MO_ROLE WHERE role_key IN (:keys)")
                .param("keys", keys).query(String.class).list());
        return keys.stream().filter(k -> !known.contains(k)).collect(Collectors.toSet());
    }

    @Transactional
    public Role create(RoleRequest request) {
        InputProblems problems = new InputProblems();
        problems.requirePattern("/key", request.key(), ROLE_KEY,
                "must be 1-64 lower-case letters, digits or '_', starting with a letter");
        names(request, problems);
        problems.throwIfAny();
        if (find(request.key()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "role.key_taken", "A role with key " + request.key() + " exists",
                    List.of(new ApiError.Problem("/key", "is taken")));
        }
        insert(request.key(), request.nameZh().strip(), request.nameEn().strip());
        return get(request.key());
    }

    @Transactional
    public Role rename(String key, RoleRequest request) {
        get(key);
        InputProblems problems = new InputProblems();
        names(request, problems);
        problems.throwIfAny();
        jdbc.sql("UPDATE MO_ROLE SET name_zh = ?, name_en = ? WHERE role_key = ?")
                .params(request.nameZh().strip(), request.nameEn().strip(), key).update();
        return get(key);
    }

    @Transactional
    public void delete(String key) {
        Role role = get(key);
        if (role.builtIn()) {
            throw ApiException.conflict("role.built_in", "Built-in role " + key + " cannot be deleted");
        }
        long members = jdbc.sql("SELECT COUNT(*) FROM MO_USER_ROLE WHERE role_key = ?").param(key).query(Long.class).single();
        if (members > 0) {
            throw ApiException.conflict("role.in_use", "Role " + key + " is still given to " + members + " user(s)");
        }
        jdbc.sql("DELETE FROM MO_ROLE WHERE role_key = ?").param(key).update();
    }

    /** Replaces every grant of a role (all apps) with {@code grants}, given in the API's spelling. */
    @Transactional
    public Role replaceGrants(String key, List<GrantJson> grants) {
        get(key);
        InputProblems problems = new InputProblems();
        List<RoleGrant> parsed = GrantJson.parseAll(grants, problems);
        problems.throwIfAny();
        jdbc.sql("DELETE FROM MO_ROLE_GRANT WHERE role_key = ?").param(key).update();
        parsed.forEach(g -> insertGrant(key, g));
        return get(key);
    }

    /**
     * Installs the roles an app declares, as a template pack import does: creates the roles that do
     * not exist, renames the existing non-built-in ones to the pack's names, and replaces these roles'
     * grants on {@code appKey} only — their grants on other apps stay. Joins the caller's transaction.
     */
    @Transactional
    public void upsertAppRoles(String appKey, List<AppManifest.Role> roles) {
        for (AppManifest.Role role : roles) {
            if (!ROLE_KEY.matcher(role.key()).matches()) {
                throw ApiException.badRequest("role.invalid", "Invalid role key " + role.key());
            }
            String nameZh = role.name() == null ? role.key() : role.name().zhCN();
            String nameEn = role.name() == null ? role.key() : role.name().en();
            Optional<Role> existing = find(role.key());
            if (existing.isEmpty()) {
                insert(role.key(), nameZh, nameEn);
            } else if (!existing.get().builtIn()) {
                jdbc.sql("UPDATE MO_ROLE SET name_zh = ?, name_en = ? WHERE role_key = ?")
                        .params(nameZh, nameEn, role.key()).update();
            }
            jdbc.sql("DELETE FROM MO_ROLE_GRANT WHERE role_key = ? AND app_key = ?").params(role.key(), appKey).update();
            role.grants().forEach(g -> insertGrant(role.key(),
                    new RoleGrant(appKey, g.form(), g.actions(), g.rowScope(), g.fields(), g.rowFilter())));
        }
    }

    /**
     * The roles with grants on {@code appKey} as they stand now — the Roles page edits them after an install — each
     * with its names and its grants on that app only, in manifest form; by role key.
     */
    public Map<String, AppManifest.Role> onApp(String appKey) {
        Map<String, List<AppManifest.Grant>> grants = new TreeMap<>();
        jdbc.sql("SELECT * FROM MO_ROLE_GRANT WHERE app_key = ? ORDER BY role_key, form_key, id").param(appKey)
                .query(this::grant).list()
                .forEach(g -> grants.computeIfAbsent(g.roleKey(), k -> new ArrayList<>()).add(new AppManifest.Grant(
                        g.grant().form(), g.grant().actions(), g.grant().rowScope(), g.grant().fields(),
                        g.grant().rowFilter())));
        Map<String, AppManifest.Role> roles = new LinkedHashMap<>();
        if (grants.isEmpty()) {
            return roles;
        }
        jdbc.sql("SELECT role_key, name_zh, name_en FROM MO_ROLE WHERE role_key IN (:roles) ORDER BY role_key")
                .param("roles", grants.keySet())
                .query((rs, n) -> new AppManifest.Role(rs.getString("role_key"),
                        new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
                        grants.get(rs.getString("role_key"))))
                .list().forEach(role -> roles.put(role.key(), role));
        return roles;
    }

    /** Creates a role with its key as its names when missing (demo users may name roles a pack brings later). */
    @Transactional
    public void ensureExists(String key) {
        if (find(key).isEmpty()) {
            insert(key, key, key);
        }
    }

    /** Grants of the given roles on one app, keyed by role. */
    public Map<String, List<RoleGrant>> grantsOn(Collection<String> roleKeys, String appKey) {
        if (roleKeys.isEmpty()) {
            return Map.of();
        }
        Map<String, List<RoleGrant>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM MO_ROLE_GRANT WHERE role_key IN (:roles) AND app_key = :app")
                .param("roles", roleKeys).param("app", appKey).query(this::grant).list()
                .forEach(g -> result.computeIfAbsent(g.roleKey(), k -> new ArrayList<>()).add(g.grant()));
        return result;
    }

    private List<RoleGrant> grantsOf(Collection<String> roleKeys) {
        return jdbc.sql("SELECT * FROM MO_ROLE_GRANT WHERE role_key IN (:roles) ORDER BY app_key, form_key")
                .param("roles", roleKeys).query(this::grant).list().stream().map(KeyedGrant::grant).toList();
    }

    private void insert(String key, String nameZh, String nameEn) {
        jdbc.sql("INSERT INTO MO_ROLE (role_key, name_zh, name_en, built_in) VALUES (?, ?, ?, FALSE)")
                .params(key, nameZh, nameEn).update();
    }

    private void insertGrant(String roleKey, RoleGrant grant) {
        Map<String, String> fields = new TreeMap<>();
        grant.fields().forEach((k, v) -> fields.put(k, GrantJson.name(v)));
        String actions = grant.actions().stream().sorted().map(GrantJson::name).collect(Collectors.joining(","));
        try {
            jdbc.sql("INSERT INTO MO_ROLE_GRANT (role_key, app_key, form_key, actions, row_scope, field_access, row_filter) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(roleKey, grant.app(), grant.form(), actions, GrantJson.name(grant.rowScope()),
                            json.writeValueAsString(fields),
                            grant.rowFilter().isEmpty() ? null : json.writeValueAsString(grant.rowFilter()))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Field access and row conditions always serialise", e);
        }
    }

    private static void names(RoleRequest request, InputProblems problems) {
        problems.requireText("/nameZh", request.nameZh(), 200);
        problems.requireText("/nameEn", request.nameEn(), 200);
    }

    private static Role role(ResultSet rs, List<GrantJson> grants) throws SQLException {
        return new Role(rs.getString("role_key"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getBoolean("built_in"), grants);
    }

    private KeyedGrant grant(ResultSet rs, int row) throws SQLException {
        Set<FormAction> actions = EnumSet.noneOf(FormAction.class);
        for (String action : rs.getString("actions").split(",")) {
            actions.add(GrantJson.parse(FormAction.class, action));
        }
        Map<String, FieldAccess> fields = new TreeMap<>();
        List<RowCondition> rowFilter;
        try {
            json.readValue(rs.getString("field_access"), FIELD_MAP)
                    .forEach((k, v) -> fields.put(k, GrantJson.parse(FieldAccess.class, v)));
            String conditions = rs.getString("row_filter");
            rowFilter = conditions == null ? List.of() : json.readValue(conditions, ROW_FILTER);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt field access or row filter of grant " + rs.getLong("id"), e);
        }
        return new KeyedGrant(rs.getString("role_key"), new RoleGrant(rs.getString("app_key"), rs.getString("form_key"),
                actions, GrantJson.parse(RowScope.class, rs.getString("row_scope")), fields, rowFilter));
    }

    private record KeyedGrant(String roleKey, RoleGrant grant) {
    }
}
