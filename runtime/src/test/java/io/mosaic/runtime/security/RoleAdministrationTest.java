package io.mosaic.runtime.security;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.mosaic.runtime.security.role.RoleRequest;
import io.mosaic.runtime.security.user.User;

class RoleAdministrationTest extends SecurityTestSupport {

    User admin;

    @BeforeEach
    void admin() {
        admin = createUser("admin");
    }

    @Test
    void createsARoleAndReplacesItsGrants() throws Exception {
        String key = unique("manager");
        send(post("/api/roles"), "{\"key\":\"" + key + "\",\"nameZh\":\"经理\",\"nameEn\":\"Manager\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.builtIn").value(false));

        send(put("/api/roles/" + key + "/grants"), "[{\"app\":\"dms\",\"form\":\"dealer\",\"actions\":[\"read\",\"update\"],"
                + "\"rowScope\":\"org_subtree\",\"fields\":{\"credit_limit\":\"read_only\"}}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grants[0].actions").value(containsInAnyOrder("read", "update")))
                .andExpect(jsonPath("$.grants[0].rowScope").value("org_subtree"))
                .andExpect(jsonPath("$.grants[0].fields.credit_limit").value("read_only"));

        send(put("/api/roles/" + key + "/grants"), "[{\"app\":\"dms\",\"form\":\"*\",\"actions\":[\"read\"],"
                + "\"rowScope\":\"all\"}]")
                .andExpect(jsonPath("$.grants.length()").value(1))
                .andExpect(jsonPath("$.grants[0].form").value("*"));
    }

    @Test
    void rejectsBadGrantsWithPointersAndKeepsTheOldOnes() throws Exception {
        String key = unique("clerk");
        roles.create(new RoleRequest(key, "文员", "Clerk"));
        send(put("/api/roles/" + key + "/grants"), "[{\"app\":\"dms\",\"form\":\"dealer\",\"actions\":[\"read\"],"
                + "\"rowScope\":\"own\"}]").andExpect(status().isOk());

        send(put("/api/roles/" + key + "/grants"), "[{\"app\":\"dms\",\"form\":\"dealer\",\"actions\":[\"read\",\"fly\"],"
                + "\"rowScope\":\"galaxy\",\"fields\":{\"x\":\"invisible\"}},"
                + "{\"app\":\"dms\",\"form\":\"dealer\",\"actions\":[\"read\"],\"rowScope\":\"own\"}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer").value(containsInAnyOrder("/0/actions/1", "/0/rowScope",
                        "/0/fields/x", "/1/form")));
        mvc.perform(get("/api/roles/" + key).with(as(admin)))
                .andExpect(jsonPath("$.grants.length()").value(1))
                .andExpect(jsonPath("$.grants[0].rowScope").value("own"));
    }

    @Test
    void refusesDeletingBuiltInOrUsedRoles() throws Exception {
        mvc.perform(delete("/api/roles/analyst").with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("role.built_in"));
        String used = unique("used");
        roles.create(new RoleRequest(used, "用", "Used"));
        createUser(used);
        mvc.perform(delete("/api/roles/" + used).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("role.in_use"));
        String unused = unique("unused");
        roles.create(new RoleRequest(unused, "闲", "Unused"));
        mvc.perform(delete("/api/roles/" + unused).with(as(admin))).andExpect(status().isNoContent());
        mvc.perform(get("/api/roles/" + unused).with(as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void refusesABadOrTakenKey() throws Exception {
        send(post("/api/roles"), "{\"key\":\"Bad Key\",\"nameZh\":\"\",\"nameEn\":\"X\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer").value(containsInAnyOrder("/key", "/nameZh")));
        send(post("/api/roles"), "{\"key\":\"admin\",\"nameZh\":\"管理\",\"nameEn\":\"Admin\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void listsTheBuiltInRoles() throws Exception {
        mvc.perform(get("/api/roles").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value("admin"))
                .andExpect(jsonPath("$[0].builtIn").value(true))
                .andExpect(jsonPath("$[1].key").value("analyst"));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
