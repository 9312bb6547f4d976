package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

class UserAdministrationTest extends SecurityTestSupport {

    @Autowired
    PasswordEncoder passwordEncoder;

    User admin;

    @BeforeEach
    void admin() {
        admin = createUser("admin");
    }

    @Test
    void createsAUserWithHashedPasswordOrgManagerDealerAndRoles() throws Exception {
        OrgUnit team = createOrg(null, "team");
        String username = unique("dealer");

        send(post("/api/users"), "{\"username\":\"" + username.toUpperCase() + "\",\"displayName\":\"张三\","
                + "\"email\":\"zs@example.com\",\"password\":\"long-enough\",\"orgId\":" + team.id()
                + ",\"managerId\":" + admin.id() + ",\"dealerId\":\"D-001\",\"roles\":[\"analyst\"],\"locale\":\"zh-CN\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.orgId").value(team.id()))
                .andExpect(jsonPath("$.managerId").value(admin.id()))
                .andExpect(jsonPath("$.dealerId").value("D-001"))
                .andExpect(jsonPath("$.roles[0]").value("analyst"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.password").doesNotExist());
        MosaicUser principal = users.principal(username).orElseThrow();
        assertThat(principal.getPassword()).startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches("long-enough", principal.getPassword())).isTrue();
    }

    @Test
    void reportsEveryBadFieldAndCreatesNothing() throws Exception {
        long before = users.list(null, 0, 1).total();

        send(post("/api/users"), "{\"username\":\"x\",\"displayName\":\"\",\"email\":\"not-mail\",\"password\":\"short\","
                + "\"orgId\":999999,\"managerId\":999999,\"roles\":[\"analyst\",\"no_such_role\"],\"locale\":\"fr\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer").value(containsInAnyOrder("/username", "/displayName",
                        "/email", "/password", "/orgId", "/managerId", "/roles/1", "/locale")));
        assertThat(users.list(null, 0, 1).total()).isEqualTo(before);
    }

    @Test
    void refusesATakenUsername() throws Exception {
        User existing = createUser();

        send(post("/api/users"), "{\"username\":\"" + existing.username() + "\",\"displayName\":\"Twin\","
                + "\"password\":\"long-enough\",\"roles\":[]}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].pointer").value("/username"));
    }

    @Test
    void updateWithoutPasswordKeepsThePassword() throws Exception {
        User user = createUser();

        send(put("/api/users/" + user.id()), "{\"username\":\"" + user.username() + "\",\"displayName\":\"Renamed\","
                + "\"roles\":[\"analyst\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Renamed"))
                .andExpect(jsonPath("$.roles[0]").value("analyst"));
        assertThat(passwordEncoder.matches(PASSWORD, users.principal(user.id()).orElseThrow().getPassword())).isTrue();
    }

    @Test
    void refusesMakingAUserTheirOwnManager() throws Exception {
        User user = createUser();

        send(put("/api/users/" + user.id()), "{\"username\":\"" + user.username() + "\",\"displayName\":\"X\","
                + "\"managerId\":" + user.id() + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/managerId"));
    }

    @Test
    void answers404ForAnUnknownUser() throws Exception {
        mvc.perform(get("/api/users/999999").with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
    }

    @Test
    void searchesAndPages() throws Exception {
        String marker = unique("needle");
        for (int i = 0; i < 3; i++) {
            users.create(new UserRequest(marker + "_" + i, "Needle " + i, null, PASSWORD, null, null, null, List.of(),
                    null, null));
        }

        mvc.perform(get("/api/users").param("q", marker).param("size", "2").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].username").value(marker + "_0"));
        mvc.perform(get("/api/users").param("q", marker).param("page", "1").param("size", "2").with(as(admin)))
                .andExpect(jsonPath("$.items[0].username").value(marker + "_2"));
        mvc.perform(get("/api/users").param("size", "0").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/size"));
    }

    @Test
    void changingAUsersRolesEndsTheirSessions() {
        User user = createUser();
        Browser browser = browser();
        Browser.Response login = browser.login(user.username(), PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);

        users.update(user.id(), new UserRequest(user.username(), user.displayName(), null, null, null, null, null,
                List.of("analyst"), null, null));

        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
