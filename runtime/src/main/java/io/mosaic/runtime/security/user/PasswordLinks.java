package io.mosaic.runtime.security.user;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.runtime.notify.Channel;
import io.mosaic.runtime.notify.NotificationRequest;
import io.mosaic.runtime.notify.Notifications;
import io.mosaic.runtime.security.InputProblems;
import io.mosaic.runtime.security.token.ApiTokenService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * One-time links by which a user sets their own password, sent by e-mail: how an account that a process opened
 * gets a password only its owner knows, and how an administrator lets someone choose a new one. A link works once
 * and for {@link PasswordLinkProperties#validity()}; the table keeps only a hash of its secret, and the e-mail goes
 * through the outbox in the caller's transaction, so a rolled-back account sends nothing.
 */
@Service
public class PasswordLinks {

    /** The UI page that takes the link's secret (the workspace uses hash routes). */
    static final String ROUTE = "#/set-password?token=";
    static final String TOPIC = "password_link";

    private final JdbcClient jdbc;
    private final UserService users;
    private final Notifications notifications;
    private final PasswordLinkProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    PasswordLinks(JdbcClient jdbc, UserService users, Notifications notifications, PasswordLinkProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** Opens an account without a password ({@link UserService#createWithoutPassword}) and mails its link. */
    @Transactional
    public User openAccount(UserRequest request) {
        User user = users.createWithoutPassword(request);
        send(user);
        return user;
    }

    /** Mails {@code user} a new link; links sent before keep working until used or expired. */
    @Transactional
    public void send(User user) {
        if (user.email() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "user.no_email", "User " + user.username()
                    + " has no e-mail address to send the link to", List.of(new ApiError.Problem("/email", "is empty")));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO MO_PASSWORD_LINK (user_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)")
                .params(user.id(), ApiTokenService.sha256(token), Timestamp.from(now.plus(properties.validity())),
                        Timestamp.from(now))
                .update();
        long hours = properties.validity().toHours();
        notifications.send(new NotificationRequest(TOPIC, Set.of(Channel.EMAIL), List.of(user.username()), List.of(),
                new LocalizedText("设置您的 Mosaic 密码", "Set your Mosaic password"),
                new LocalizedText("您的用户名是 " + user.username() + "。请在 " + hours
                        + " 小时内打开下面的链接设置密码，链接只能使用一次。",
                        "Your username is " + user.username() + ". Open the link below within " + hours
                                + " hours to set your password; it works once."),
                ROUTE + token, Map.of("username", user.username())));
    }

    /**
     * Sets the password of the link's user and spends the link (and any other the user still holds); answers the
     * username, to sign in with. An unknown, spent or expired link is refused naming {@code /token}.
     */
    @Transactional
    public String use(String token, String password) {
        InputProblems problems = new InputProblems();
        problems.requireText("/token", token, 200);
        problems.password("/password", password);
        problems.throwIfAny();
        Instant now = clock.instant();
        record Link(long id, long userId, Instant expiresAt) {
        }
        Link link = jdbc.sql("SELECT id, user_id, expires_at FROM MO_PASSWORD_LINK WHERE token_hash = ?")
                .param(ApiTokenService.sha256(token.strip()))
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).optional()
                .orElseThrow(() -> refused("auth.password_link_unknown",
                        "is not a link this installation sent, or it was used already"));
        if (!link.expiresAt().isAfter(now)) {
            throw refused("auth.password_link_expired", "expired at " + link.expiresAt()
                    + "; ask an administrator to send a new one");
        }
        // Deleting claims the link: of two requests racing with it, only one deletes the row.
        if (jdbc.sql("DELETE FROM MO_PASSWORD_LINK WHERE id = ?").param(link.id()).update() != 1) {
            throw refused("auth.password_link_unknown", "was used already");
        }
        jdbc.sql("DELETE FROM MO_PASSWORD_LINK WHERE user_id = ?").param(link.userId()).update();
        users.setPassword(link.userId(), password);
        return users.get(link.userId()).username();
    }

    private static ApiException refused(String code, String why) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, "The password link " + why,
                List.of(new ApiError.Problem("/token", why)));
    }
}
