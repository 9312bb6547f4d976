package io.mosaic.runtime.support;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for MockMvc requests, sent the way the browser sends it (cookie {@code XSRF-TOKEN}
 * echoed in header {@code X-XSRF-TOKEN}).
 *
 * <p>Use this instead of Spring Security's {@code csrf()} post-processor: that one replaces the token
 * repository inside the shared {@code CsrfFilter}, which the real server on the random port uses too,
 * so every later test speaking real HTTP would meet a session-based CSRF check instead of the platform's.
 */
public final class Csrf {

    private Csrf() {
    }

    public static RequestPostProcessor csrf() {
        return request -> {
            String token = UUID.randomUUID().toString();
            Cookie[] existing = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] cookies = java.util.Arrays.copyOf(existing, existing.length + 1);
            cookies[existing.length] = new Cookie("XSRF-TOKEN", token);
            request.setCookies(cookies);
            request.addHeader("X-XSRF-TOKEN", token);
            return request;
        };
    }
}
