package io.mosaic.runtime.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser as far as the server can tell: real HTTP, a cookie jar, and the CSRF header copied from
 * the {@code XSRF-TOKEN} cookie the way the SPA does. Cookies belong to the host, not the port, so
 * {@link #at(int)} reaches another runtime node with the same cookies.
 */
public final class Browser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookieManager cookies;
    private final HttpClient client;
    private final int port;
    private boolean sendCsrf = true;

    public Browser(int port) {
        this(new CookieManager(null, CookiePolicy.ACCEPT_ALL), port);
    }

    private Browser(CookieManager cookies, int port) {
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        this.port = port;
    }

    /** The same cookie jar against another node. */
    Browser at(int otherPort) {
        return new Browser(cookies, otherPort);
    }

    /** Stops copying the CSRF cookie into the header, as a forged cross-site request would. */
    Browser withoutCsrfHeader() {
        sendCsrf = false;
        return this;
    }

    public Response login(String username, String password) {
        get("/api/auth/csrf");
        return post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, null);
    }

    Response send(String method, String path, String json, String csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        String csrf = csrfHeader != null ? csrfHeader : sendCsrf ? cookie("XSRF-TOKEN").orElse(null) : null;
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name) && !c.hasExpired())
                .map(HttpCookie::getValue).findFirst();
    }

    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }
}
