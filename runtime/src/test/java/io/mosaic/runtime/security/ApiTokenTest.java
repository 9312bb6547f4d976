package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

class ApiTokenTest extends SecurityTestSupport {

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdTokenAuthenticatesGetRequestsAndIsStoredOnlyAsAHash() throws Exception {
        User user = createUser();
        JsonNode created = createToken(user, "{\"name\":\"ERP\",\"scopes\":[\"read\"]}");
        String token = created.get("token").asText();

        mvc.perform(bearer(get("/api/me"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(user.username()));

        assertThat(token).startsWith(created.get("prefix").asText());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM MO_API_TOKEN WHERE secret_hash = ?").param(token)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/api/tokens").with(as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("ERP"))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty());
    }

    @Test
    void bearerRequestsNeedNoCsrfToken() throws Exception {
        User user = createUser();
        String token = createToken(user, "{\"name\":\"sync\",\"scopes\":[\"write\"]}").get("token").asText();

        mvc.perform(bearer(patch("/api/me"), token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"From ERP\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("From ERP"));
    }

    @Test
    void readTokenIsRefusedOnPost() throws Exception {
        User user = createUser();
        String token = createToken(user, "{\"name\":\"reader\",\"scopes\":[\"read\"]}").get("token").asText();

        mvc.perform(bearer(patch("/api/me"), token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Nope\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.forbidden"));
        assertThat(users.get(user.id()).displayName()).isEqualTo("Test user");
    }

    @Test
    void revokedTokenAnswers401() throws Exception {
        User user = createUser();
        JsonNode created = createToken(user, "{\"name\":\"old\",\"scopes\":[\"read\"]}");
        String token = created.get("token").asText();

        mvc.perform(delete("/api/tokens/" + created.get("id").asLong()).with(as(user)))
                .andExpect(status().isNoContent());

        mvc.perform(bearer(get("/api/me"), token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.required"));
        mvc.perform(get("/api/tokens").with(as(user)))
                .andExpect(jsonPath("$[0].revokedAt").isNotEmpty());
    }

    @Test
    void expiredTokenAnswers401() throws Exception {
        User user = createUser();
        JsonNode created = createToken(user, "{\"name\":\"short\",\"scopes\":[\"read\"],\"expiresInDays\":1}");
        jdbc.sql("UPDATE MO_API_TOKEN SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), created.get("id").asLong()).update();

        mvc.perform(bearer(get("/api/me"), created.get("token").asText()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenOfADisabledUserAnswers401() throws Exception {
        User user = createUser();
        String token = createToken(user, "{\"name\":\"t\",\"scopes\":[\"read\"]}").get("token").asText();

        users.update(user.id(), new UserRequest(user.username(), user.displayName(), null, null, null, null, null,
                user.roles(), user.locale(), false));

        mvc.perform(bearer(get("/api/me"), token)).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownTokenAnswers401() throws Exception {
        mvc.perform(bearer(get("/api/me"), "mos_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.required"));
    }

    @Test
    void adminEndpointsNeedTheAdminScopeEvenForAnAdministrator() throws Exception {
        User admin = createUser("admin");
        String writeToken = createToken(admin, "{\"name\":\"w\",\"scopes\":[\"write\"]}").get("token").asText();
        String adminToken = createToken(admin, "{\"name\":\"a\",\"scopes\":[\"admin\"]}").get("token").asText();

        mvc.perform(bearer(get("/api/users"), writeToken)).andExpect(status().isForbidden());
        mvc.perform(bearer(get("/api/users"), adminToken)).andExpect(status().isOk());
        mvc.perform(bearer(get("/actuator/metrics"), adminToken)).andExpect(status().isOk());
    }

    @Test
    void onlyAdministratorsCreateAdminTokens() throws Exception {
        User user = createUser();

        mvc.perform(post("/api/tokens").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scopes\":[\"read\",\"admin\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/scopes/1"));
    }

    @Test
    void tokenRequestsAreValidatedWithPointers() throws Exception {
        User user = createUser();

        mvc.perform(post("/api/tokens").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"scopes\":[\"everything\"],\"expiresInDays\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer")
                        .value(containsInAnyOrder("/name", "/scopes/0", "/expiresInDays")));
        mvc.perform(get("/api/tokens").with(as(user))).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void aTokenCannotMintOrRevokeTokens() throws Exception {
        User user = createUser();
        String token = createToken(user, "{\"name\":\"w\",\"scopes\":[\"write\"]}").get("token").asText();

        mvc.perform(bearer(post("/api/tokens"), token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"more\",\"scopes\":[\"write\"]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void usersCannotRevokeSomeoneElsesToken() throws Exception {
        User owner = createUser();
        User other = createUser();
        JsonNode created = createToken(owner, "{\"name\":\"mine\",\"scopes\":[\"read\"]}");

        mvc.perform(delete("/api/tokens/" + created.get("id").asLong()).with(as(other)))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/me"), created.get("token").asText())).andExpect(status().isOk());
    }

    private JsonNode createToken(User user, String body) throws Exception {
        String answer = mvc.perform(post("/api/tokens").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}
