package io.mosaic.runtime.security.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.runtime.security.InputProblems;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/** The organisation tree: company → region → team units, each with an optional manager. */
@Service
public class OrgService {

    public static final Set<String> TYPES = Set.of("company", "region", "team");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String COLUMNS = "id, parent_id, code, name, unit_type, manager_id";

    private final JdbcClient jdbc;

    public OrgService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrgUnit> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_ORG_UNIT ORDER BY code").query(OrgService::unit).list();
    }

    public Optional<OrgUnit> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_ORG_UNIT WHERE id = ?").param(id).query(OrgService::unit)
                .optional();
    }

    public OrgUnit get(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Org unit " + id));
    }

    public Optional<OrgUnit> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_ORG_UNIT WHERE code = ?").param(code).query(OrgService::unit)
                .optional();
    }

    public boolean exists(long id) {
        return find(id).isPresent();
    }

    /** The unit and every unit below it. Trees are small, so one read of all parent links is cheaper than recursion in SQL. */
    public Set<Long> subtree(long rootId) {
        Map<Long, List<Long>> children = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM MO_ORG_UNIT WHERE parent_id IS NOT NULL").query((rs, n) -> {
            children.computeIfAbsent(rs.getLong("parent_id"), k -> new ArrayList<>()).add(rs.getLong("id"));
            return null;
        }).list();
        Set<Long> result = new HashSet<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(rootId));
        while (!pending.isEmpty()) {
            Long id = pending.pop();
            if (result.add(id)) {
                pending.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }

    @Transactional
    public OrgUnit create(OrgUnitRequest request) {
        validate(null, request);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO MO_ORG_UNIT (parent_id, code, name, unit_type, manager_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(request.parentId(), request.code(), request.name().strip(), request.type(), request.managerId(),
                        Timestamp.from(Instant.now()))
                .update(keys);
        return get(keys.getKey().longValue());
    }

    @Transactional
    public OrgUnit update(long id, OrgUnitRequest request) {
        get(id);
        validate(id, request);
        jdbc.sql("UPDATE MO_ORG_UNIT SET parent_id = ?, code = ?, name = ?, unit_type = ?, manager_id = ? WHERE id = ?")
                .params(request.parentId(), request.code(), request.name().strip(), request.type(), request.managerId(), id)
                .update();
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        get(id);
        if (count("SELECT COUNT(*) FROM MO_ORG_UNIT WHERE parent_id = ?", id) > 0) {
            throw ApiException.conflict("org.has_children", "The org unit still has units below it");
        }
        if (count("SELECT COUNT(*) FROM MO_USER WHERE org_id = ?", id) > 0) {
            throw ApiException.conflict("org.has_members", "The org unit still has members");
        }
        jdbc.sql("DELETE FROM MO_ORG_UNIT WHERE id = ?").param(id).update();
    }

    private void validate(Long id, OrgUnitRequest request) {
        InputProblems problems = new InputProblems();
        problems.requirePattern("/code", request.code(), CODE,
                "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        problems.requireText("/name", request.name(), 200);
        if (request.type() == null || !TYPES.contains(request.type())) {
            problems.add("/type", "must be one of company, region, team");
        }
        if (request.parentId() != null) {
            if (!exists(request.parentId())) {
                problems.add("/parentId", "no org unit " + request.parentId());
            } else if (id != null && subtree(id).contains(request.parentId())) {
                problems.add("/parentId", "the unit cannot be placed below itself or one of its own units");
            }
        }
        if (request.managerId() != null
                && count("SELECT COUNT(*) FROM MO_USER WHERE id = ?", request.managerId()) == 0) {
            problems.add("/managerId", "no user " + request.managerId());
        }
        problems.throwIfAny();
        findByCode(request.code()).filter(other -> !Long.valueOf(other.id()).equals(id)).ifPresent(other -> {
            throw new ApiException(HttpStatus.CONFLICT, "org.code_taken", "Another org unit has code " + request.code(),
                    List.of(new ApiError.Problem("/code", "is taken")));
        });
    }

    private long count(String sql, long param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private static OrgUnit unit(ResultSet rs, int row) throws SQLException {
        return new OrgUnit(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("code"),
                rs.getString("name"), rs.getString("unit_type"), rs.getObject("manager_id", Long.class));
    }
}
