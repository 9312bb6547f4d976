package io.mosaic.runtime.security.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a link that sets a password works ({@code mosaic.security.password-link.validity}). */
@ConfigurationProperties("mosaic.security.password-link")
public record PasswordLinkProperties(@DefaultValue("72h") Duration validity) {

    public PasswordLinkProperties {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("mosaic.security.password-link.validity must be a positive duration");
        }
    }
}
