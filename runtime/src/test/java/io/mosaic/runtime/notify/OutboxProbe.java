package io.mosaic.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads outbox rows by idempotency key and waits for their delivery, passing over the outbox itself too, as the poll
 * would. Waiting uses the real clock, as the application's dispatcher does: a dispatcher whose clock ran ahead would
 * take over a live claim of the other.
 */
final class OutboxProbe {

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final JdbcClient jdbc;

    OutboxProbe(Outbox outbox, OutboxDispatcher dispatcher, JdbcClient jdbc) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
    }

    OutboxEntry row(String key) {
        return jdbc.sql("SELECT id FROM MO_OUTBOX WHERE idempotency_key = ?").param(key).query(Long.class).optional()
                .flatMap(outbox::find).orElseThrow();
    }

    OutboxEntry awaitStatus(String key, String status) {
        return await(key, row -> row.status().equals(status), "status " + status);
    }

    OutboxEntry awaitAttempts(String key, int attempts) {
        return await(key, row -> row.attempts() >= attempts, attempts + " attempt(s)");
    }

    private OutboxEntry await(String key, Predicate<OutboxEntry> done, String what) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!done.test(row(key)) && System.currentTimeMillis() < deadline) {
            dispatcher.runOnce(Instant.now());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        OutboxEntry row = row(key);
        assertThat(done.test(row)).as("delivery " + key + " reaches " + what + "; it is " + row.status() + " after "
                + row.attempts() + " attempt(s): " + row.lastError()).isTrue();
        return row;
    }
}
