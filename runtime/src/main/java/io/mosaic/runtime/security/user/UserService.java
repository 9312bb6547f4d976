package io.mosaic.runtime.security.user;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.api.security.UserContext;
import io.mosaic.runtime.security.InputProblems;
import io.mosaic.runtime.security.MosaicUser;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/** User accounts: the admin API, the principal for sign-in, and the profile a user edits themselves. */
@Service
public class UserService {

    public static final Set<String> LOCALES = Set.of("zh-CN", "en");
    public static final String DEFAULT_LOCALE = "zh-CN";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final String COLUMNS =
            "id, username, password_hash, display_name, email, locale, org_id, manager_id, dealer_id, enabled, created_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final OrgService orgs;
    private final RoleService roles;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SecureRandom random = new SecureRandom();

    public UserService(JdbcClient jdbc, PasswordEncoder passwordEncoder, OrgService orgs, RoleService roles,
                       FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.orgs = orgs;
        this.roles = roles;
        this.sessions = sessions;
    }

    /** Usernames are compared in lower case everywhere, so H2 and MySQL collations agree on uniqueness. */
    public static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    public boolean anyExists() {
        return jdbc.sql("SELECT COUNT(*) FROM MO_USER").query(Long.class).single() > 0;
    }

    /** The principal for signing in, with its password hash. */
    public Optional<MosaicUser> principal(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_USER WHERE username = ?").param(normalise(username))
                .query(this::principalRow).optional();
    }

    public Optional<MosaicUser> principal(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_USER WHERE id = ?").param(id).query(this::principalRow)
                .optional();
    }

    public User get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_USER WHERE id = ?").param(id).query(this::userRow).optional()
                .orElseThrow(() -> ApiException.notFound("User " + id));
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_USER WHERE username = ?").param(normalise(username))
                .query(this::userRow).optional();
    }

    /** Users whose username, display name or e-mail contains {@code q}, by username. */
    public UserPage list(String q, int page, int size) {
        InputProblems problems = new InputProblems();
        if (page < 0) {
            problems.add("/page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            problems.add("/size", "must be between 1 and 200");
        }
        problems.throwIfAny();
        String where = "";
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where = " WHERE LOWER(username) LIKE :q ESCAPE '!' OR LOWER(display_name) LIKE :q ESCAPE '!'"
                    + " OR LOWER(email) LIKE :q ESCAPE '!'";
            params.put("q", "%" + q.strip().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM MO_USER" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<User> items = jdbc.sql("SELECT " + COLUMNS + " FROM MO_USER" + where
                        + " ORDER BY username LIMIT :limit OFFSET :offset")
                .params(params).query(this::userRow).list();
        return new UserPage(items, total);
    }

    @Transactional
    public User create(UserRequest request) {
        String username = normalise(request.username());
        validate(null, username, request, true);
        return insert(username, request, request.password());
    }

    /**
     * Opens an account whose owner sets the password through a link sent to its e-mail address (so the address is
     * required, and {@code password} of the request is ignored). Until then the account's password is a random
     * secret nobody is told: it exists for the sign-in check but matches nothing a person types.
     */
    @Transactional
    public User createWithoutPassword(UserRequest request) {
        String username = normalise(request.username());
        if (request.email() == null || request.email().isBlank()) {
            InputProblems problems = new InputProblems();
            problems.add("/email", "is needed to send the link that sets the password");
            problems.throwIfAny();
        }
        validate(null, username, request, false);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return insert(username, request, HexFormat.of().formatHex(secret));
    }

    /** Sets a user's password and ends their open sessions. */
    @Transactional
    public void setPassword(long id, String password) {
        User user = get(id);
        jdbc.sql("UPDATE MO_USER SET password_hash = ? WHERE id = ?").params(passwordEncoder.encode(password), id)
                .update();
        endSessions(user.username());
    }

    private User insert(String username, UserRequest request, String password) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO MO_USER (username, password_hash, display_name, email, locale, org_id, manager_id, "
                        + "dealer_id, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(username, passwordEncoder.encode(password), request.displayName().strip(),
                        blankToNull(request.email()), localeOrDefault(request.locale()), request.orgId(),
                        request.managerId(), blankToNull(request.dealerId()), !Boolean.FALSE.equals(request.enabled()),
                        Timestamp.from(Instant.now()))
                .update(keys);
        long id = keys.getKey().longValue();
        assignRoles(id, roleList(request));
        return get(id);
    }

    /**
     * Changes an account. When anything that decides what the user may do changes (name, password,
     * roles, org, dealer, enabled), the user's open sessions end so the change applies at once.
     */
    @Transactional
    public User update(long id, UserRequest request) {
        User before = get(id);
        String username = normalise(request.username());
        validate(id, username, request, request.password() != null);
        List<String> newRoles = roleList(request);
        boolean enabled = request.enabled() == null ? before.enabled() : request.enabled();
        if (before.isAdmin() && (!newRoles.contains(UserContext.ADMIN_ROLE) || !enabled) && otherEnabledAdmins(id) == 0) {
            throw ApiException.conflict("user.last_admin", "This is the last enabled administrator");
        }
        jdbc.sql("UPDATE MO_USER SET username = ?, display_name = ?, email = ?, locale = ?, org_id = ?, manager_id = ?, "
                        + "dealer_id = ?, enabled = ? WHERE id = ?")
                .params(username, request.displayName().strip(), blankToNull(request.email()),
                        localeOrDefault(request.locale()), request.orgId(), request.managerId(),
                        blankToNull(request.dealerId()), enabled, id)
                .update();
        if (request.password() != null) {
            jdbc.sql("UPDATE MO_USER SET password_hash = ? WHERE id = ?")
                    .params(passwordEncoder.encode(request.password()), id).update();
        }
        jdbc.sql("DELETE FROM MO_USER_ROLE WHERE user_id = ?").param(id).update();
        assignRoles(id, newRoles);
        User after = get(id);
        if (request.password() != null || !Objects.equals(access(before), access(after))) {
            endSessions(before.username());
        }
        return after;
    }

    /** What a user changes about themselves. Null leaves a value as it is. */
    @Transactional
    public User updateProfile(long id, String locale, String displayName) {
        User user = get(id);
        InputProblems problems = new InputProblems();
        if (locale != null && !LOCALES.contains(locale)) {
            problems.add("/locale", "must be zh-CN or en");
        }
        if (displayName != null) {
            problems.requireText("/displayName", displayName, 200);
        }
        problems.throwIfAny();
        jdbc.sql("UPDATE MO_USER SET locale = ?, display_name = ? WHERE id = ?")
                .params(locale == null ? user.locale() : locale,
                        displayName == null ? user.displayName() : displayName.strip(), id)
                .update();
        return get(id);
    }

    private void validate(Long id, String username, UserRequest request, boolean checkPassword) {
        InputProblems problems = new InputProblems();
        problems.requirePattern("/username", username, USERNAME,
                "must be 2-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        problems.requireText("/displayName", request.displayName(), 200);
        if (request.email() != null && !request.email().isBlank()
                && problems.maxLength("/email", request.email(), 255) && !EMAIL.matcher(request.email()).matches()) {
            problems.add("/email", "is not an e-mail address");
        }
        if (checkPassword) {
            problems.password("/password", request.password());
        }
        if (request.locale() != null && !LOCALES.contains(request.locale())) {
            problems.add("/locale", "must be zh-CN or en");
        }
        if (request.orgId() != null && !orgs.exists(request.orgId())) {
            problems.add("/orgId", "no org unit " + request.orgId());
        }
        if (request.managerId() != null) {
            if (request.managerId().equals(id)) {
                problems.add("/managerId", "a user cannot be their own manager");
            } else if (principal(request.managerId()).isEmpty()) {
                problems.add("/managerId", "no user " + request.managerId());
            }
        }
        problems.maxLength("/dealerId", request.dealerId(), 64);
        List<String> roleKeys = roleList(request);
        Set<String> unknown = roles.unknown(roleKeys);
        for (int i = 0; i < roleKeys.size(); i++) {
            if (unknown.contains(roleKeys.get(i))) {
                problems.add("/roles/" + i, "no role " + roleKeys.get(i));
            }
        }
        problems.throwIfAny();
        findByUsername(username).filter(other -> !Long.valueOf(other.id()).equals(id)).ifPresent(other -> {
            throw new ApiException(HttpStatus.CONFLICT, "user.username_taken", "Username " + username + " is taken",
                    List.of(new ApiError.Problem("/username", "is taken")));
        });
    }

    private long otherEnabledAdmins(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_USER u JOIN MO_USER_ROLE r ON r.user_id = u.id "
                        + "WHERE r.role_key = ? AND u.enabled = TRUE AND u.id <> ?")
                .params(UserContext.ADMIN_ROLE, id).query(Long.class).single();
    }

    private void endSessions(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }

    private void assignRoles(long userId, List<String> roleKeys) {
        roleKeys.forEach(role -> jdbc.sql("INSERT INTO MO_USER_ROLE (user_id, role_key) VALUES (?, ?)")
                .params(userId, role).update());
    }

    private static List<String> roleList(UserRequest request) {
        return request.roles() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(request.roles()));
    }

    /** The parts of an account that decide what its sessions may do. */
    private static List<Object> access(User user) {
        return List.of(user.username(), Objects.toString(user.orgId()), Objects.toString(user.dealerId()),
                Set.copyOf(user.roles()), user.enabled());
    }

    private static String localeOrDefault(String locale) {
        return locale == null ? DEFAULT_LOCALE : locale;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<String> rolesOf(long userId) {
        return jdbc.sql("SELECT role_key FROM MO_USER_ROLE WHERE user_id = ? ORDER BY role_key").param(userId)
                .query(String.class).list();
    }

    private MosaicUser principalRow(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new MosaicUser(id, rs.getString("username"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getObject("org_id", Long.class), rs.getString("dealer_id"), rs.getString("locale"), rolesOf(id));
    }

    private User userRow(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new User(id, rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("locale"), rs.getObject("org_id", Long.class), rs.getObject("manager_id", Long.class),
                rs.getString("dealer_id"), rolesOf(id), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }
}
