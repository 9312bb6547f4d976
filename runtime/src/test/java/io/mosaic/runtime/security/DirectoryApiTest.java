package io.mosaic.runtime.security;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.mosaic.runtime.support.RuntimeTest;

/** The directory behind user and role pickers: names for every signed-in user, nothing more. */
class DirectoryApiTest extends RuntimeTest {

    @Autowired
    MockMvc mvc;

    @Test
    void givesAnyoneSignedInTheNamesOfUsersButNotTheirMailOrRoles() throws Exception {
        mvc.perform(get("/api/directory/users").param("q", "admin").with(user("dora").roles("dealer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("admin")))
                .andExpect(jsonPath("$[0].email").doesNotExist())
                .andExpect(jsonPath("$[0].roles").doesNotExist());
    }

    @Test
    void refusesStrangersAndAnOversizedPage() throws Exception {
        mvc.perform(get("/api/directory/users")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/directory/users").param("size", "201").with(user("dora").roles("dealer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value("/size"));
    }

    @Test
    void answersNotFoundForAnUnknownUserId() throws Exception {
        mvc.perform(get("/api/directory/users/987654321").with(user("dora").roles("dealer")))
                .andExpect(status().isNotFound());
    }

    @Test
    void givesAnyoneSignedInTheNamesOfRolesButNotTheirGrants() throws Exception {
        mvc.perform(get("/api/directory/roles").with(user("dora").roles("dealer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem("analyst")))
                .andExpect(jsonPath("$[0].nameEn").exists())
                .andExpect(jsonPath("$[0].grants").doesNotExist());
        mvc.perform(get("/api/directory/roles")).andExpect(status().isUnauthorized());
    }
}
