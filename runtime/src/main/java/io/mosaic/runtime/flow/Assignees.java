package io.mosaic.runtime.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.mosaic.flow.run.FlowBinding;
import io.mosaic.form.store.Actor;
import io.mosaic.form.formula.FormulaContext;

/**
 * Who a user task goes to, from its binding's assignment: named users, everyone holding a role, the initiator, the
 * initiator's manager N levels up, the manager of an org unit a record field names, a user a record field holds, or
 * candidates who claim. Only enabled users are ever assigned.
 */
@Component
public class Assignees {

    /** Users to assign (one: the assignee; several: candidates, or signers of a countersign) and candidate roles. */
    record Resolved(List<String> users, List<String> groups) {

        static final Resolved NOBODY = new Resolved(List.of(), List.of());

        boolean nobody() {
            return users.isEmpty() && groups.isEmpty();
        }
    }

    private final JdbcClient jdbc;

    Assignees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param facts the record as formulas read it, for assignments by field; read only by those
     */
    Resolved resolve(FlowBinding.Assignment assignment, String initiator, Supplier<FormulaContext> facts) {
        return switch (assignment.type()) {
            case "users" -> new Resolved(users(assignment.users()), List.of());
            case "roles" -> new Resolved(holders(assignment.roles()), List.of());
            case "initiator" -> new Resolved(users(List.of(initiator)), List.of());
            case "initiator_manager" -> new Resolved(managerOf(initiator, assignment.levels()).stream().toList(), List.of());
            case "org_manager" -> new Resolved(orgManager(facts.get().value(assignment.field())).stream().toList(), List.of());
            case "field_user" -> new Resolved(fieldUser(facts.get().value(assignment.field())).stream().toList(), List.of());
            case "dealer_users" -> new Resolved(dealerUsers(facts.get().value(assignment.field())), List.of());
            case "candidates" -> {
                List<String> roles = assignment.roles().stream().filter(role -> !holders(List.of(role)).isEmpty()).toList();
                yield new Resolved(users(assignment.users()), roles);
            }
            default -> throw new IllegalStateException("Unknown assignment " + assignment.type());
        };
    }

    /** The username of user {@code id}, enabled or not. */
    public Optional<String> usernameOf(long id) {
        return jdbc.sql("SELECT username FROM MO_USER WHERE id = ?").param(id).query(String.class).optional();
    }

    /** A user as the API shows one: {id, username, name}; a user deleted since is shown by username alone. */
    Map<String, Object> person(String username) {
        return jdbc.sql("SELECT id, display_name FROM MO_USER WHERE username = ?").param(username)
                .query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "username", username,
                        "name", rs.getString(2))).optional()
                .orElse(Map.of("username", username, "name", username));
    }

    /** The user as the record store names a writer: automated steps write as the process's initiator. */
    public Actor actor(String username) {
        return jdbc.sql("SELECT id, org_id, dealer_id FROM MO_USER WHERE username = ?").param(username)
                .query((rs, n) -> new Actor(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3)))
                .single();
    }

    /** A fallback or named user that exists and is enabled. */
    Optional<String> user(String idOrUsername) {
        List<String> found = users(List.of(idOrUsername));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The usernames of enabled users named by id or username, in order, without repeats. */
    public List<String> users(List<String> idsOrUsernames) {
        Set<String> found = new LinkedHashSet<>();
        for (String named : idsOrUsernames) {
            String sql = named.matches("\\d{1,18}") ? "SELECT username FROM MO_USER WHERE id = ? AND enabled = TRUE"
                    : "SELECT username FROM MO_USER WHERE username = ? AND enabled = TRUE";
            Object key = named.matches("\\d{1,18}") ? (Object) Long.parseLong(named) : named.toLowerCase(java.util.Locale.ROOT);
            jdbc.sql(sql).param(key).query(String.class).optional().ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /** Enabled holders of any of the roles, by username. */
    public List<String> holders(List<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT u.username FROM MO_USER u JOIN MO_USER_ROLE r ON r.user_id = u.id "
                        + "WHERE r.role_key IN (:roles) AND u.enabled = TRUE ORDER BY u.username")
                .param("roles", roles).query(String.class).list();
    }

    /** Roles of a user: the candidate groups they belong to. */
    public List<String> rolesOf(String username) {
        return jdbc.sql("SELECT r.role_key FROM MO_USER_ROLE r JOIN MO_USER u ON u.id = r.user_id WHERE u.username = ?")
                .param(username).query(String.class).list();
    }

    /**
     * The manager {@code levels} up from a user: their own manager, or else the manager of their org unit (or of the
     * nearest unit above it managed by someone else).
     */
    Optional<String> managerOf(String username, int levels) {
        String current = username;
        for (int level = 0; level < levels; level++) {
            Optional<String> next = directManager(current);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** A user's own manager if enabled, else the manager of their org unit or the nearest unit above. */
    private Optional<String> directManager(String username) {
        record Row(String manager, Long orgId) {
        }
        Optional<Row> row = jdbc.sql("SELECT m.username, u.org_id FROM MO_USER u LEFT JOIN MO_USER m "
                        + "ON m.id = u.manager_id AND m.enabled = TRUE WHERE u.username = ?").param(username)
                .query((rs, n) -> new Row(rs.getString(1), (Long) rs.getObject(2, Long.class))).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().manager() != null) {
            return Optional.of(row.get().manager());
        }
        Long org = row.get().orgId();
        Set<Long> seen = new LinkedHashSet<>();
        while (org != null && seen.add(org)) {
            record Unit(Long parentId, String manager) {
            }
            Optional<Unit> unit = jdbc.sql("SELECT o.parent_id, u.username FROM MO_ORG_UNIT o "
                            + "LEFT JOIN MO_USER u ON u.id = o.manager_id AND u.enabled = TRUE WHERE o.id = ?").param(org)
                    .query((rs, n) -> new Unit((Long) rs.getObject(1, Long.class), rs.getString(2))).optional();
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            if (unit.get().manager() != null && !unit.get().manager().equals(username)) {
                return Optional.of(unit.get().manager());
            }
            org = unit.get().parentId();
        }
        return Optional.empty();
    }

    /** The manager of the org unit a field value names, by code (text) or id (number). */
    private Optional<String> orgManager(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        String sql = "SELECT u.username FROM MO_ORG_UNIT o JOIN MO_USER u ON u.id = o.manager_id WHERE u.enabled = TRUE AND ";
        List<String> found = value instanceof Number number
                ? jdbc.sql(sql + "o.id = ?").param(number.longValue()).query(String.class).list()
                : jdbc.sql(sql + "o.code = ?").param(value.toString().trim()).query(String.class).list();
        return found.stream().findFirst();
    }

    /**
     * The enabled users bound to the dealer whose code {@code value} holds (a rebate statement's dealer confirms
     * it): one is the assignee, several are candidates, as role holders are.
     */
    private List<String> dealerUsers(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        return jdbc.sql("SELECT username FROM MO_USER WHERE dealer_id = ? AND enabled = TRUE ORDER BY username")
                .param(value.toString().trim()).query(String.class).list();
    }

    private Optional<String> fieldUser(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        String named = value instanceof Number number ? Long.toString(number.longValue()) : value.toString().trim();
        return users(new ArrayList<>(List.of(named))).stream().findFirst();
    }
}
