package io.mosaic.runtime.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.runtime.security.user.UserService;

/**
 * Counts failed logins per username and per client address in the database, so that every runtime
 * node sharing it enforces the same limits. Refused (throttled) attempts are not counted: an
 * attacker who keeps trying cannot extend the lockout of a real user forever.
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEY_LENGTH = 64;

    private final JdbcClient jdbc;
    private final LoginThrottleProperties limits;

    public LoginThrottle(JdbcClient jdbc, LoginThrottleProperties limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** How long the username or the client must still wait, if either is locked out now. */
    public Optional<Duration> lockedFor(String username, String clientIp) {
        Instant now = Instant.now();
        Timestamp since = Timestamp.from(now.minus(limits.window()).minus(limits.lockout()));
        List<Instant> userFailures = jdbc.sql("SELECT failed_at FROM MO_LOGIN_FAILURE WHERE username = ? "
                        + "AND counts_for_user = TRUE AND failed_at > ? ORDER BY failed_at")
                .params(key(UserService.normalise(username)), since).query(Timestamp.class).list()
                .stream().map(Timestamp::toInstant).toList();
        List<Instant> clientFailures = jdbc.sql("SELECT failed_at FROM MO_LOGIN_FAILURE WHERE client_ip = ? "
                        + "AND failed_at > ? ORDER BY failed_at")
                .params(key(clientIp), since).query(Timestamp.class).list()
                .stream().map(Timestamp::toInstant).toList();
        Optional<Instant> until = later(lockedUntil(userFailures, limits.maxFailuresPerUser()),
                lockedUntil(clientFailures, limits.maxFailuresPerClient()));
        return until.filter(now::isBefore).map(u -> Duration.between(now, u));
    }

    /** Recorded in a transaction of its own, so that the failure counts even though the login request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String username, String clientIp) {
        Instant now = Instant.now();
        jdbc.sql("DELETE FROM MO_LOGIN_FAILURE WHERE failed_at < ?")
                .param(Timestamp.from(now.minus(limits.window()).minus(limits.lockout()))).update();
        jdbc.sql("INSERT INTO MO_LOGIN_FAILURE (username, client_ip, counts_for_user, failed_at) VALUES (?, ?, TRUE, ?)")
                .params(key(UserService.normalise(username)), key(clientIp), Timestamp.from(now)).update();
    }

    /** A successful login forgives the username's failures; the client's count stays. */
    @Transactional
    public void recordSuccess(String username) {
        jdbc.sql("UPDATE MO_LOGIN_FAILURE SET counts_for_user = FALSE WHERE username = ? AND counts_for_user = TRUE")
                .param(key(UserService.normalise(username))).update();
    }

    /**
     * When a lockout started by these failures (oldest first) ends: a failure that brings the count
     * within one window to {@code max} locks for {@code lockout} from that failure on.
     */
    private Optional<Instant> lockedUntil(List<Instant> failures, int max) {
        Optional<Instant> until = Optional.empty();
        for (int i = max - 1; i < failures.size(); i++) {
            Instant first = failures.get(i - max + 1);
            if (Duration.between(first, failures.get(i)).compareTo(limits.window()) < 0) {
                until = Optional.of(failures.get(i).plus(limits.lockout()));
            }
        }
        return until;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(x -> x.isAfter(a.get())).or(() -> a);
    }

    private static String key(String value) {
        String v = value == null ? "" : value;
        return v.length() > MAX_KEY_LENGTH ? v.substring(0, MAX_KEY_LENGTH) : v;
    }
}
