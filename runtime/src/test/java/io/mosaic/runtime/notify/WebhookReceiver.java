package io.mosaic.runtime.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 that behaves as a careful one should: it verifies the signature, acts on each
 * idempotency key once, and can be told to fail its first answers (as if it had crashed before acknowledging).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers of interest, body and whether the signature checked out. */
    public record Request(String idempotencyKey, String timestamp, String signature, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final String secret;
    private final AtomicInteger failuresLeft;
    private final long delayMillis;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** What the receiver acted on, by idempotency key: a repeated key is acknowledged but not acted on again. */
    private final Map<String, String> effective = new ConcurrentHashMap<>();

    public WebhookReceiver(String secret, int failFirst, long delayMillis) throws IOException {
        this.secret = secret;
        this.failuresLeft = new AtomicInteger(failFirst);
        this.delayMillis = delayMillis;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        return requests;
    }

    public Set<String> effectiveKeys() {
        return effective.keySet();
    }

    public String effectiveBody(String key) {
        return effective.get(key);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String timestamp = exchange.getRequestHeaders().getFirst("X-Mosaic-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Mosaic-Signature");
        boolean valid = signature != null
                && signature.equals("sha256=" + WebhookChannel.sign(secret, timestamp + "." + body));
        requests.add(new Request(key, timestamp, signature, body, valid));
        if (valid) {
            effective.putIfAbsent(key, body);
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = !valid ? 401 : failuresLeft.getAndDecrement() > 0 ? 503 : 200;
        byte[] answer = (status == 200 ? "ok" : "try later").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
