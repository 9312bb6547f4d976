package io.mosaic.runtime.support;

import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for MockMvc requests, sent the way the browser UI sends it: the {@code XSRF-TOKEN}
 * cookie's value copied into the {@code X-XSRF-TOKEN} header.
 *
 * <p>Prefer this to spring-security-test's {@code csrf()}: that one swaps the token repository
 * inside the filter chain of the shared application context for a session-based one, after which
 * real HTTP clients (cookie tokens) are refused with 403 in every later test of the JVM.
 * Tests that talk real HTTP call {@link #restoreCookieTokens} first in case another test did.
 */
public final class BrowserCsrf {

    private BrowserCsrf() {
    }

    /** Puts the application's cookie token repository back into the CSRF filter, undoing {@code csrf()}. */
    public static void restoreCookieTokens(ApplicationContext context) {
        CsrfTokenRepository repository = context.getBean(CsrfTokenRepository.class);
        context.getBeansOfType(SecurityFilterChain.class).values().stream()
                .flatMap(chain -> chain.getFilters().stream())
                .filter(CsrfFilter.class::isInstance)
                .forEach(filter -> ReflectionTestUtils.setField(filter, "tokenRepository", repository));
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
