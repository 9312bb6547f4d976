package io.mosaic.runtime.security.bootstrap;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.mosaic.api.security.UserContext;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.org.OrgUnitRequest;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.web.ApiException;

/**
 * On the first start of an installation (no user at all) creates the administrator, the configured
 * org units and demo users, in one transaction. Runs before other start-up runners, so that a
 * template pack installed at start finds the accounts; roles a demo user names that no pack has
 * brought yet are created bare and take their names when the pack installs them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@EnableConfigurationProperties(BootstrapProperties.class)
public class SecurityBootstrap implements ApplicationRunner {

    public static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final BootstrapProperties properties;
    private final UserService users;
    private final OrgService orgs;
    private final RoleService roles;
    private final TransactionTemplate transaction;

    public SecurityBootstrap(BootstrapProperties properties, UserService users, OrgService orgs, RoleService roles,
                             TransactionTemplate transaction) {
        this.properties = properties;
        this.users = users;
        this.orgs = orgs;
        this.roles = roles;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        boolean created;
        try {
            created = Boolean.TRUE.equals(transaction.execute(status -> bootstrap(password)));
        } catch (DataIntegrityViolationException e) {
            log.info("Another node is bootstrapping this installation; skipping");
            return;
        } catch (ApiException e) {
            throw new IllegalStateException("mosaic.bootstrap is invalid: " + e.getMessage() + " " + e.problems(), e);
        }
        if (created && generated) {
            log.warn("""

                    ************************************************************************
                    *  Mosaic first start: created the administrator account.
                    *      username: {}
                    *      password: {}
                    *  This password is shown only this once. Sign in and change it, or set
                    *  mosaic.bootstrap.admin-password before the first start.
                    ************************************************************************""",
                    ADMIN_USERNAME, password);
        }
    }

    private boolean bootstrap(String adminPassword) {
        if (users.anyExists()) {
            return false;
        }
        for (BootstrapProperties.OrgSeed seed : properties.orgs()) {
            Long parentId = seed.parent() == null ? null : orgByCode(seed.parent(), "org " + seed.code()).id();
            orgs.create(new OrgUnitRequest(parentId, seed.code(), seed.name(), seed.type(), null));
        }
        users.create(new UserRequest(ADMIN_USERNAME, "Administrator", null, adminPassword, null, null, null,
                List.of(UserContext.ADMIN_ROLE), null, true));
        for (BootstrapProperties.DemoUser demo : properties.demoUsers()) {
            List<String> roleKeys = demo.roles() == null ? List.of() : demo.roles();
            roleKeys.forEach(roles::ensureExists);
            Long orgId = demo.org() == null ? null : orgByCode(demo.org(), "demo user " + demo.username()).id();
            users.create(new UserRequest(demo.username(),
                    demo.displayName() == null ? demo.username() : demo.displayName(), demo.email(), demo.password(), orgId,
                    null, demo.dealerId(), new ArrayList<>(roleKeys), demo.locale(), true));
        }
        log.info("Bootstrapped the administrator, {} org unit(s) and {} demo user(s): {}", properties.orgs().size(),
                properties.demoUsers().size(),
                properties.demoUsers().stream().map(BootstrapProperties.DemoUser::username)
                        .collect(Collectors.joining(", ")));
        return true;
    }

    private OrgUnit orgByCode(String code, String neededBy) {
        return orgs.findByCode(code).orElseThrow(() -> new IllegalStateException(
                "mosaic.bootstrap: " + neededBy + " names org unit " + code + ", which is not listed before it"));
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
