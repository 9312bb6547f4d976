package io.mosaic.runtime.security;

import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.runtime.security.user.PasswordLinks;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.web.ApiException;

/** One-time links that set a password: what they refuse, and who may send one. */
class PasswordLinkTest extends SecurityTestSupport {

    @Autowired
    PasswordLinks passwordLinks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void anAccountOpenedWithoutAPasswordNeedsAnAddressAndKeepsOnlyAHashOfItsLink() throws Exception {
        assertThatThrownBy(() -> passwordLinks.openAccount(request(unique("nomail"), null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.pointer()).containsExactly("/email"));

        User user = passwordLinks.openAccount(request(unique("acme"), "acme@example.com"));
        String token = linkOf(user).get(0);
        assertThat(jdbc.sql("SELECT token_hash FROM MO_PASSWORD_LINK WHERE user_id = ?").param(user.id())
                .query(String.class).single()).hasSize(64).isNotEqualTo(token);
    }

    @Test
    void aTooShortPasswordIsRefusedAndTheLinkStillWorks() throws Exception {
        User user = passwordLinks.openAccount(request(unique("acme"), "acme@example.com"));
        String token = linkOf(user).get(0);

        use(token, "short").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value("/password"));
        use(token, "long-enough-1").andExpect(status().isOk()).andExpect(jsonPath("$.username").value(user.username()));
    }

    @Test
    void anExpiredLinkIsRefusedNamingTheToken() throws Exception {
        User user = passwordLinks.openAccount(request(unique("acme"), "acme@example.com"));
        jdbc.sql("UPDATE MO_PASSWORD_LINK SET expires_at = ? WHERE user_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), user.id()).update();

        use(linkOf(user).get(0), "long-enough-1").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("auth.password_link_expired"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/token"));
        use("made-up", "long-enough-1").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("auth.password_link_unknown"));
    }

    @Test
    void usingOneLinkSpendsEveryLinkOfTheUser() throws Exception {
        User user = passwordLinks.openAccount(request(unique("acme"), "acme@example.com"));
        passwordLinks.send(user);
        List<String> links = linkOf(user);
        assertThat(links).hasSize(2);

        use(links.get(1), "long-enough-1").andExpect(status().isOk());
        use(links.get(0), "long-enough-2").andExpect(status().isUnprocessableEntity());
    }

    @Test
    void onlyAnAdministratorSendsALinkAndOnlyToAUserWithAnAddress() throws Exception {
        User admin = createUser("admin");
        User withAddress = passwordLinks.openAccount(request(unique("acme"), "acme@example.com"));
        User withoutAddress = createUser();

        mvc.perform(post("/api/users/{id}/password-link", withAddress.id()).with(as(createUser())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/users/{id}/password-link", withAddress.id()).with(as(admin)))
                .andExpect(status().isAccepted());
        assertThat(linkOf(withAddress)).hasSize(2);
        mvc.perform(post("/api/users/{id}/password-link", withoutAddress.id()).with(as(admin)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].pointer").value("/email"));
    }

    private static UserRequest request(String username, String email) {
        return new UserRequest(username, "Acme", email, null, null, null, null, List.of(), "en", null);
    }

    private List<String> linkOf(User user) throws Exception {
        return PasswordLinkMail.tokensInOutbox(jdbc, user.username());
    }

    private ResultActions use(String token, String password) throws Exception {
        return mvc.perform(post("/api/auth/password").with(csrfToken()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("token", token, "password", password))));
    }
}
