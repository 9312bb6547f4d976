package io.mosaic.runtime.security.bootstrap;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the first start of an installation creates ({@code mosaic.bootstrap.*}); ignored once any user exists.
 *
 * @param adminPassword password of the user {@code admin}; when absent a random one is generated and logged once
 * @param orgs          org units to create, parents listed before their children
 * @param demoUsers     further accounts, e.g. the sample pack's demo users
 */
@ConfigurationProperties("mosaic.bootstrap")
public record BootstrapProperties(String adminPassword, List<OrgSeed> orgs, List<DemoUser> demoUsers) {

    public BootstrapProperties {
        orgs = orgs == null ? List.of() : List.copyOf(orgs);
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    /** @param parent code of the parent unit, which must be listed earlier */
    public record OrgSeed(String code, String name, String type, String parent) {
    }

    /**
     * @param org   code of the user's org unit
     * @param email where the user's e-mail notifications go (the demo's warehouse hears of approved orders by e-mail)
     */
    public record DemoUser(String username, String password, String displayName, List<String> roles, String org,
                           String dealerId, String locale, String email) {
    }
}
