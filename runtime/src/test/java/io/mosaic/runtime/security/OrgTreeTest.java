package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
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

import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.user.User;

class OrgTreeTest extends SecurityTestSupport {

    User admin;

    @BeforeEach
    void admin() {
        admin = createUser("admin");
    }

    @Test
    void createsAUnitBelowAParent() throws Exception {
        OrgUnit company = createOrg(null, "company");
        String code = unique("east");

        send(post("/api/orgs"), "{\"parentId\":" + company.id() + ",\"code\":\"" + code
                + "\",\"name\":\"华东区\",\"type\":\"region\",\"managerId\":" + admin.id() + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.parentId").value(company.id()))
                .andExpect(jsonPath("$.managerId").value(admin.id()))
                .andExpect(jsonPath("$.name").value("华东区"));
        assertThat(orgs.findByCode(code)).isPresent();
    }

    @Test
    void refusesMovingAUnitBelowItsOwnDescendant() throws Exception {
        OrgUnit company = createOrg(null, "company");
        OrgUnit region = createOrg(company.id(), "region");
        OrgUnit team = createOrg(region.id(), "team");

        send(put("/api/orgs/" + region.id()), "{\"parentId\":" + team.id() + ",\"code\":\"" + region.code()
                + "\",\"name\":\"Moved\",\"type\":\"region\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/parentId"));
        send(put("/api/orgs/" + region.id()), "{\"parentId\":" + region.id() + ",\"code\":\"" + region.code()
                + "\",\"name\":\"Moved\",\"type\":\"region\"}")
                .andExpect(status().isBadRequest());
        assertThat(orgs.get(region.id()).parentId()).isEqualTo(company.id());
        assertThat(orgs.get(region.id()).name()).isEqualTo("Unit");
    }

    @Test
    void reportsEveryBadFieldWithItsPointer() throws Exception {
        send(post("/api/orgs"), "{\"parentId\":999999,\"code\":\"bad code!\",\"name\":\"\",\"type\":\"country\","
                + "\"managerId\":999999}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[*].pointer")
                        .value(containsInAnyOrder("/parentId", "/code", "/name", "/type", "/managerId")));
    }

    @Test
    void refusesADuplicateCode() throws Exception {
        OrgUnit existing = createOrg(null, "company");

        send(post("/api/orgs"), "{\"code\":\"" + existing.code() + "\",\"name\":\"Twin\",\"type\":\"company\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].pointer").value("/code"));
    }

    @Test
    void refusesDeletingAUnitWithChildrenOrMembers() throws Exception {
        OrgUnit company = createOrg(null, "company");
        OrgUnit region = createOrg(company.id(), "region");
        createUser(region.id());

        mvc.perform(delete("/api/orgs/" + company.id()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("org.has_children"));
        mvc.perform(delete("/api/orgs/" + region.id()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("org.has_members"));
        OrgUnit empty = createOrg(company.id(), "team");
        mvc.perform(delete("/api/orgs/" + empty.id()).with(as(admin))).andExpect(status().isNoContent());
        assertThat(orgs.find(empty.id())).isEmpty();
    }

    @Test
    void everySignedInUserReadsTheTreeButOnlyAdminsChangeIt() throws Exception {
        User user = createUser();
        OrgUnit unit = createOrg(null, "company");

        mvc.perform(get("/api/orgs").with(as(user))).andExpect(status().isOk());
        mvc.perform(post("/api/orgs").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + unique("x") + "\",\"name\":\"X\",\"type\":\"team\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/orgs/" + unit.id()).with(as(user))).andExpect(status().isForbidden());
    }

    private ResultActions send(MockHttpServletRequestBuilder request,
                               String body) throws Exception {
        return mvc.perform(request.with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
