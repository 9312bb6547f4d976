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
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** Any method with a JSON body (null for none), e.g. PUT or PATCH. */
    public Response send(String method, String path, String json) {
        return send(method, path, json, null);
    }

    /** A multipart form with one file part, as the browser's file upload sends it. */
    public Response upload(String path, String part, String fileName, byte[] content) {
        String boundary = "----mosaic" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        cookie("XSRF-TOKEN").ifPresent(csrf -> request.header("X-XSRF-TOKEN", csrf));
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(), path);
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    /** The body of a GET as bytes, e.g. a zip; fails unless the status is 200. */
    public byte[] download(String path) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)),
                HttpResponse.BodyHandlers.ofByteArray(), path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String path) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(), method + " " + path);
        return new Response(response.statusCode(), response.body(), response.headers());
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
