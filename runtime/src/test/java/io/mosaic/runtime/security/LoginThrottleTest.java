package io.mosaic.runtime.security;

import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.mosaic.runtime.security.user.User;

/** Each test signs in from its own client address, so counts per address do not leak between tests. */
class LoginThrottleTest extends SecurityTestSupport {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPassword() throws Exception {
        User user = createUser();
        String client = nextClient();
        for (int i = 0; i < 5; i++) {
            login(user.username(), "wrong-password", client).andExpect(status().isUnauthorized());
        }

        login(user.username(), PASSWORD, client)
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("auth.throttled"))
                .andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")));
        // the lock is on the username, from any address
        login(user.username(), PASSWORD, nextClient()).andExpect(status().isTooManyRequests());
    }

    @Test
    void successfulLoginForgivesEarlierFailures() throws Exception {
        User user = createUser();
        String client = nextClient();
        for (int i = 0; i < 4; i++) {
            login(user.username(), "wrong-password", client).andExpect(status().isUnauthorized());
        }
        login(user.username(), PASSWORD, client).andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            login(user.username(), "wrong-password", client).andExpect(status().isUnauthorized());
        }

        login(user.username(), PASSWORD, client).andExpect(status().isOk());
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddress() throws Exception {
        String client = nextClient();
        for (int i = 0; i < 20; i++) {
            login(unique("guess"), "wrong-password", client).andExpect(status().isUnauthorized());
        }
        User user = createUser();

        login(user.username(), PASSWORD, client).andExpect(status().isTooManyRequests());
        login(user.username(), PASSWORD, nextClient()).andExpect(status().isOk());
    }

    private ResultActions login(String username, String password, String client) throws Exception {
        return mvc.perform(post("/api/auth/login").with(csrfToken()).with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                }).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private static String nextClient() {
        return "10.99." + (NEXT_ADDRESS.get() / 250) + "." + (NEXT_ADDRESS.getAndIncrement() % 250 + 1);
    }
}
