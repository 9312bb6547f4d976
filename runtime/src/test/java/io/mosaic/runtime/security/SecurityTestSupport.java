package io.mosaic.runtime.security;

import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.org.OrgUnitRequest;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.support.BrowserCsrf;
import io.mosaic.runtime.support.RuntimeTest;

/** Shared set-up of tests acting as real users: unique users and org units, and requests made as a given user. */
public abstract class SecurityTestSupport extends RuntimeTest {

    protected static final String PASSWORD = "correct-horse-1";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected UserService users;

    @Autowired
    protected RoleService roles;

    @Autowired
    protected OrgService orgs;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void realBrowsersGetCookieTokens() {
        BrowserCsrf.restoreCookieTokens(context);
    }

    protected static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected User createUser(String... roleKeys) {
        return createUser(null, roleKeys);
    }

    protected User createUser(Long orgId, String... roleKeys) {
        return createDealerUser(orgId, null, roleKeys);
    }

    /** A user of org unit {@code orgId} bound to the dealer {@code dealerId} (either may be null). */
    protected User createDealerUser(Long orgId, String dealerId, String... roleKeys) {
        return users.create(new UserRequest(unique("u"), "Test user", null, PASSWORD, orgId, null, dealerId,
                List.of(roleKeys), "en", null));
    }

    protected OrgUnit createOrg(Long parentId, String type) {
        return orgs.create(new OrgUnitRequest(parentId, unique("org"), "Unit", type, null));
    }

    /** A signed-in browser request of {@code user}, with a valid CSRF token. */
    protected RequestPostProcessor as(User user) {
        MosaicUser principal = users.principal(user.id()).orElseThrow();
        principal.eraseCredentials();
        return request -> csrfToken().postProcessRequest(authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()))
                .postProcessRequest(request));
    }

    Browser browser() {
        return new Browser(port);
    }
}
