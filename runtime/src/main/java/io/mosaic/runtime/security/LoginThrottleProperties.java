package io.mosaic.runtime.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits against password guessing ({@code mosaic.security.login.*}): after {@code maxFailuresPerUser}
 * failed logins for one username, or {@code maxFailuresPerClient} from one client address, within
 * {@code window}, that username or address may not try again for {@code lockout}.
 */
@ConfigurationProperties("mosaic.security.login")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerUser,
                                      @DefaultValue("20") int maxFailuresPerClient,
                                      @DefaultValue("15m") Duration window,
                                      @DefaultValue("15m") Duration lockout) {

    public LoginThrottleProperties {
        if (maxFailuresPerUser < 1 || maxFailuresPerClient < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("mosaic.security.login: failure limits must be at least 1 and "
                    + "window and lockout positive durations");
        }
    }
}
