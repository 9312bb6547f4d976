package io.mosaic.runtime.support;

import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for MockMvc requests, sent the way the browser UI sends it: the {@code XSRF-TOKEN}
 * cookie's value copied into the {@code X-XSRF-TOKEN} header.
 *
 * <p>Use this instead of spring-security-test's {@code csrf()}: that one swaps the token repository
 * inside the filter chain of the shared application context for a session-based one, after which
 * real HTTP clients (cookie tokens) are refused with 403 in every later test of the JVM.
 */
public final class BrowserCsrf {

    private BrowserCsrf() {
    }

    public static RequestPostProcessor csrfToken() {
        return request -> {
            String token = UUID.randomUUID().toString();
            Cookie[] cookies = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] withToken = Arrays.copyOf(cookies, cookies.length + 1);
            withToken[cookies.length] = new Cookie("XSRF-TOKEN", token);
            request.setCookies(withToken);
            request.addHeader("X-XSRF-TOKEN", token);
            return request;
        };
    }
}
