package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.mosaic.runtime.MosaicApplication;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.support.TestDatabase;

/** Sign-in, CSRF and sessions over real HTTP, where cookies matter. */
class BrowserSessionTest extends SecurityTestSupport {

    @Test
    void anonymousApiCallGets401AsJson() {
        Browser.Response response = browser().get("/api/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.json().get("code").asText()).isEqualTo("auth.required");
        assertThat(response.json().get("path").asText()).isEqualTo("/api/me");
    }

    @Test
    void signedInNonAdminGets403AsJsonOnUserAdministration() {
        User user = createUser();
        Browser browser = browser();
        assertThat(browser.login(user.username(), PASSWORD).status()).isEqualTo(200);

        Browser.Response response = browser.get("/api/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("auth.forbidden");
    }

    @Test
    void loginAnswersMeAndStartsANewSession() {
        User user = createUser("analyst");
        Browser browser = browser();
        browser.get("/api/auth/csrf");
        browser.send("GET", "/api/me", null, null);

        Browser.Response login = browser.login(user.username().toUpperCase(), PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("username").asText()).isEqualTo(user.username());
        assertThat(login.json().get("roles").get(0).asText()).isEqualTo("analyst");
        assertThat(login.json().get("admin").asBoolean()).isFalse();
        assertThat(browser.cookie("MOSAIC_SESSION")).isPresent();
        Browser.Response me = browser.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(user.id());
    }

    @Test
    void loginGivesANewSessionIdAndANewCsrfToken() {
        User user = createUser();
        Browser browser = browser();
        browser.get("/api/auth/csrf");
        String csrfBefore = browser.cookie("XSRF-TOKEN").orElseThrow();
        // an anonymous session, e.g. planted by an attacker, must not survive the login
        browser.post("/api/auth/login", "{\"username\":\"" + user.username() + "\",\"password\":\"wrong-password\"}");
        String sessionBefore = browser.cookie("MOSAIC_SESSION").orElse("none");

        assertThat(browser.login(user.username(), PASSWORD).status()).isEqualTo(200);

        assertThat(browser.cookie("MOSAIC_SESSION")).isPresent().get().isNotEqualTo(sessionBefore);
        assertThat(browser.cookie("XSRF-TOKEN")).isPresent().get().isNotEqualTo(csrfBefore);
        assertThat(browser.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAnswers401BadCredentialsAndNoSession() {
        User user = createUser();
        Browser browser = browser();

        Browser.Response response = browser.login(user.username(), "not-the-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asText()).isEqualTo("auth.bad_credentials");
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void unknownUserAnswersLikeAWrongPassword() {
        Browser.Response response = browser().login(unique("nobody"), "whatever-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asText()).isEqualTo("auth.bad_credentials");
    }

    @Test
    void csrfEndpointAnswersTheTokenAndSetsTheCookie() {
        Browser browser = browser();

        Browser.Response response = browser.get("/api/auth/csrf");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("headerName").asText()).isEqualTo("X-XSRF-TOKEN");
        assertThat(browser.cookie("XSRF-TOKEN")).contains(response.json().get("token").asText());
    }

    @Test
    void stateChangingRequestWithoutCsrfTokenIsRefused() {
        Browser browser = signedIn();

        Browser.Response response = browser.withoutCsrfHeader().send("PATCH", "/api/me", "{\"displayName\":\"Forged\"}", null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("auth.forbidden");
        assertThat(response.json().get("message").asText()).contains("CSRF");
    }

    @Test
    void stateChangingRequestWithWrongCsrfTokenIsRefused() {
        Browser browser = signedIn();

        Browser.Response response = browser.send("PATCH", "/api/me", "{\"displayName\":\"Forged\"}", "not-the-token");

        assertThat(response.status()).isEqualTo(403);
        assertThat(browser.get("/api/me").json().get("displayName").asText()).isEqualTo("Test user");
    }

    @Test
    void stateChangingRequestWithCsrfTokenIsAccepted() {
        Browser browser = signedIn();

        Browser.Response response = browser.send("PATCH", "/api/me", "{\"displayName\":\"Renamed\",\"locale\":\"zh-CN\"}", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("displayName").asText()).isEqualTo("Renamed");
        assertThat(browser.get("/api/me").json().get("locale").asText()).isEqualTo("zh-CN");
    }

    @Test
    void profileChangeRejectsAnUnknownLocale() {
        Browser.Response response = signedIn().send("PATCH", "/api/me", "{\"locale\":\"fr\"}", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/locale");
    }

    @Test
    void logoutEndsTheSession() {
        Browser browser = signedIn();

        assertThat(browser.post("/api/auth/logout", null).status()).isEqualTo(204);

        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void publicPagesAndHealthNeedNoSignIn() {
        Browser browser = browser();

        assertThat(browser.get("/actuator/health").status()).isEqualTo(200);
        assertThat(browser.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(browser.get("/login.html").status()).isNotIn(401, 403);
        assertThat(browser.get("/app/main.js").status()).isNotIn(401, 403);
        assertThat(browser.get("/api/anything.js").status()).isEqualTo(401);
        assertThat(browser.get("/elsewhere").status()).isEqualTo(401);
        Browser.Response apiDocs = browser.get("/v3/api-docs");
        assertThat(apiDocs.status()).isEqualTo(200);
        // the signed-in user is not a request parameter
        assertThat(apiDocs.json().at("/paths/~1api~1permissions~1{app}~1{form}/get/parameters").size()).isEqualTo(2);
    }

    @Test
    void adminSignsInWithTheBootstrapPasswordAndReachesActuator() {
        Browser browser = browser();

        Browser.Response login = browser.login("admin", "admin-test-pw");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("admin").asBoolean()).isTrue();
        assertThat(browser.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(browser.get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void sessionFromOneNodeIsAcceptedByAnotherNodeOnTheSameDatabase() {
        Browser browser = signedIn();
        ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(MosaicApplication.class)
                .profiles("test")
                // arguments, not builder properties: those are defaults that application.yml overrides
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password());
        try {
            int secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
            assertThat(secondPort).isNotEqualTo(port);

            Browser.Response me = browser.at(secondPort).get("/api/me");

            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("displayName").asText()).isEqualTo("Test user");
        } finally {
            secondNode.close();
        }
    }

    private Browser signedIn() {
        User user = createUser();
        Browser browser = browser();
        assertThat(browser.login(user.username(), PASSWORD).status()).isEqualTo(200);
        return browser;
    }
}
