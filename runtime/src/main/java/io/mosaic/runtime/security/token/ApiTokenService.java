package io.mosaic.runtime.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.runtime.security.InputProblems;
import io.mosaic.runtime.security.MosaicUser;
import io.mosaic.runtime.web.ApiException;

/** API tokens for integrations: created and revoked by their user, stored only as a SHA-256 of the token. */
@Service
public class ApiTokenService {

    /** Tokens start with this, so that secret scanners and people recognise them. */
    public static final String TOKEN_PREFIX = "mos_";
    private static final int PREFIX_SHOWN = 12;
    private static final int MAX_DAYS = 3650;
    /** last_used_at is a hint for people; writing it at most once a minute keeps busy tokens from writing on every call. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApiToken> list(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_API_TOKEN WHERE user_id = ? ORDER BY created_at DESC, id DESC")
                .param(userId).query(ApiTokenService::token).list();
    }

    @Transactional
    public CreatedToken create(MosaicUser user, TokenRequest request) {
        InputProblems problems = new InputProblems();
        problems.requireText("/name", request.name(), 100);
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        if (request.scopes() == null || request.scopes().isEmpty()) {
            problems.add("/scopes", "must list at least one of read, write, admin");
        } else {
            for (int i = 0; i < request.scopes().size(); i++) {
                TokenScope scope = TokenScope.of(request.scopes().get(i));
                if (scope == null) {
                    problems.add("/scopes/" + i, "must be read, write or admin");
                } else if (scope == TokenScope.ADMIN && !user.isAdmin()) {
                    problems.add("/scopes/" + i, "only administrators can create admin tokens");
                } else {
                    scopes.add(scope);
                }
            }
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            problems.add("/expiresInDays", "must be between 1 and " + MAX_DAYS);
        }
        problems.throwIfAny();

        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        Instant expiresAt = days == null ? null : now.plus(Duration.ofDays(days));
        List<String> scopeKeys = scopes.stream().map(TokenScope::key).toList();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO MO_API_TOKEN (user_id, name, prefix, secret_hash, scopes, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(user.id(), request.name().strip(), token.substring(0, PREFIX_SHOWN), sha256(token),
                        String.join(",", scopeKeys), Timestamp.from(now), expiresAt == null ? null : Timestamp.from(expiresAt))
                .update(keys);
        ApiToken stored = find(user.id(), keys.getKey().longValue()).orElseThrow();
        return new CreatedToken(stored.id(), stored.name(), stored.prefix(), stored.scopes(), stored.createdAt(),
                stored.expiresAt(), token);
    }

    /** Revokes one of the user's tokens; revoking twice keeps the first time. 404 for someone else's token. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        find(userId, tokenId).orElseThrow(() -> ApiException.notFound("Token " + tokenId));
        jdbc.sql("UPDATE MO_API_TOKEN SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(Instant.now()), tokenId).update();
    }

    /** The live token a client presented: known, not revoked, not expired. Marks it used. */
    @Transactional
    public Optional<Match> authenticate(String presented) {
        Instant now = Instant.now();
        Optional<Match> match = jdbc.sql("SELECT id, user_id, scopes FROM MO_API_TOKEN WHERE secret_hash = ? "
                        + "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")
                .params(sha256(presented), Timestamp.from(now))
                .query((rs, n) -> new Match(rs.getLong("id"), rs.getLong("user_id"), scopes(rs.getString("scopes"))))
                .optional();
        match.ifPresent(m -> jdbc.sql("UPDATE MO_API_TOKEN SET last_used_at = ? WHERE id = ? "
                        + "AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Timestamp.from(now), m.tokenId(), Timestamp.from(now.minus(LAST_USED_RESOLUTION))).update());
        return match;
    }

    private Optional<ApiToken> find(long userId, long tokenId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_API_TOKEN WHERE id = ? AND user_id = ?")
                .params(tokenId, userId).query(ApiTokenService::token).optional();
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static Set<TokenScope> scopes(String stored) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String key : stored.split(",")) {
            scopes.add(TokenScope.of(key));
        }
        return scopes;
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                new ArrayList<>(List.of(rs.getString("scopes").split(","))), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A presented token that is valid now. */
    public record Match(long tokenId, long userId, Set<TokenScope> scopes) {
    }
}
