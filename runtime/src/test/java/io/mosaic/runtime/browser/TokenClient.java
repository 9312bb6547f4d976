package io.mosaic.runtime.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A program calling the REST API over real HTTP with an API token, as an ERP or a set-up script does: no session, no
 * CSRF token, only {@code Authorization: Bearer}.
 */
final class TokenClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    TokenClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    record Response(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs a record and answers its id, failing with the server's answer unless it was created. */
    long create(String path, String json) {
        Response response = post(path, json);
        if (response.status() != 201) {
            throw new AssertionError("POST " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json().path("id").asLong();
    }

    private Response send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token).header("Accept", "application/json");
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
