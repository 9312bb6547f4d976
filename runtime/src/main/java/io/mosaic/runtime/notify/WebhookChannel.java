package io.mosaic.runtime.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Webhooks: an HTTP POST of JSON to a URL an administrator configured (Admin → Webhooks, or
 * {@code mosaic.notify.webhooks.<key>}),
 * with {@code Idempotency-Key} (the outbox row's key, the same on every attempt), {@code X-Mosaic-Timestamp} (epoch
 * seconds) and, when the webhook has a secret, {@code X-Mosaic-Signature: sha256=<hex HMAC-SHA256(secret, timestamp
 * + "." + body)>}. Preset
 * {@code json} sends the notification whole; {@code dingtalk} and {@code wecom} send the text message their group
 * robots take. Redirects are not followed: the target the guard checked is the one contacted.
 */
@Component
class WebhookChannel implements DeliveryChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER = 300;

    private final NotifyProperties properties;
    private final Webhooks webhooks;
    private final WebhookGuard guard;
    private final HttpClient http;

    WebhookChannel(NotifyProperties properties, Webhooks webhooks, WebhookGuard guard) {
        this.properties = properties;
        this.webhooks = webhooks;
        this.guard = guard;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.getWebhook().getTimeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void deliver(OutboxEntry entry, Instant now) throws DeliveryException {
        NotifyProperties.Endpoint endpoint = webhooks.endpoint(entry.target()).orElse(null);
        if (endpoint == null || endpoint.getUrl() == null || endpoint.getUrl().isBlank()) {
            throw new DeliveryException("No webhook '" + entry.target() + "' is configured (Admin → Webhooks, or "
                    + "mosaic.notify.webhooks." + entry.target() + ".url)", true);
        }
        URI uri;
        try {
            uri = URI.create(endpoint.getUrl().trim());
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("Webhook '" + entry.target() + "' has no valid URL: " + e.getMessage(), true);
        }
        guard.check(uri);
        String body = body(entry, endpoint);
        String timestamp = Long.toString(now.getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.getWebhook().getTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", entry.idempotencyKey())
                .header("X-Mosaic-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (endpoint.getSecret() != null && !endpoint.getSecret().isEmpty()) {
            request.header("X-Mosaic-Signature", "sha256=" + sign(endpoint.getSecret(), timestamp + "." + body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException("Cannot reach webhook '" + entry.target() + "' at " + uri.getHost() + ": "
                    + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted while calling webhook '" + entry.target() + "'", false, e);
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new DeliveryException("Webhook '" + entry.target() + "' answered HTTP " + status
                    + " (a redirect, which is not followed; configure the final URL)", true);
        }
        if (status < 200 || status >= 300) {
            String answer = response.body() == null ? "" : response.body();
            throw new DeliveryException("Webhook '" + entry.target() + "' answered HTTP " + status
                    + (answer.isBlank() ? "" : ": " + (answer.length() > MAX_ANSWER
                    ? answer.substring(0, MAX_ANSWER) + "…" : answer)), false);
        }
    }

    private String body(OutboxEntry entry, NotifyProperties.Endpoint endpoint) {
        String preset = endpoint.getPreset() == null ? "json" : endpoint.getPreset().toLowerCase(Locale.ROOT);
        String link = Links.absolute(properties.getBaseUrl(), entry.link());
        ObjectNode body = JSON.createObjectNode();
        if (preset.equals("dingtalk") || preset.equals("wecom")) {
            String locale = endpoint.getLocale();
            StringBuilder content = new StringBuilder(entry.text("title", locale));
            String text = entry.text("body", locale);
            if (!text.isEmpty()) {
                content.append('\n').append(text);
            }
            if (link != null) {
                content.append('\n').append(link);
            }
            body.put("msgtype", "text");
            body.putObject("text").put("content", content.toString());
            return body.toString();
        }
        body.put("id", entry.idempotencyKey());
        body.put("topic", entry.topic());
        body.set("title", entry.message().path("title"));
        if (entry.message().hasNonNull("body")) {
            body.set("body", entry.message().path("body"));
        }
        if (link != null) {
            body.put("link", link);
        }
        body.set("data", entry.message().path("data"));
        body.put("createdAt", entry.createdAt().toString());
        return body.toString();
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
