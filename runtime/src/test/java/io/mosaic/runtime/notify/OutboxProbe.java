package io.mosaic.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads outbox rows by idempotency key and waits for their delivery, passing over the outbox itself too, as the poll
 * would. Waiting uses the real clock, as the application's dispatcher does: a dispatcher whose clock ran ahead would
 * take over a live claim of the other.
 */
public final class OutboxProbe {

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final JdbcClient jdbc;

    OutboxProbe(Outbox outbox, OutboxDispatcher dispatcher, JdbcClient jdbc) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
    }

    /** A probe on the application's own outbox, for tests outside this package. */
    public static OutboxProbe in(ApplicationContext context) {
        return new OutboxProbe(context.getBean(Outbox.class), context.getBean(OutboxDispatcher.class),
                context.getBean(JdbcClient.class));
    }

    /**
     * Delivers every row due now, as the poll would, and waits for those another thread is delivering (the
     * dispatcher's wake-up after a commit): afterwards no delivery is under way, so what receivers got and what the
     * outbox holds no longer change.
     */
    public void settle() {
        await(() -> {
            dispatcher.runOnce(Instant.now());
            return jdbc.sql("SELECT COUNT(*) FROM MO_OUTBOX WHERE status = ? AND next_attempt_at <= ?")
                    .params(OutboxEntry.PENDING, java.sql.Timestamp.from(Instant.now())).query(Long.class).single() == 0;
        });
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

    /** The delivery once it is sent or dead. */
    OutboxEntry awaitEnded(String key) {
        return await(key, row -> !OutboxEntry.PENDING.equals(row.status()), "sent or dead");
    }

    private OutboxEntry await(String key, Predicate<OutboxEntry> done, String what) {
        await(() -> {
            if (done.test(row(key))) {
                return true;
            }
            dispatcher.runOnce(Instant.now());
            return false;
        });
        OutboxEntry row = row(key);
        assertThat(done.test(row)).as("delivery " + key + " reaches " + what + "; it is " + row.status() + " after "
                + row.attempts() + " attempt(s): " + row.lastError()).isTrue();
        return row;
    }

    /** Polls {@code done} until it holds or ten seconds pass; the caller asserts what it waited for. */
    private static void await(java.util.function.BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
