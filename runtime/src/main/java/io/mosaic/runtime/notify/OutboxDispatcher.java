package io.mosaic.runtime.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers due outbox rows: on a poll ({@code mosaic.notify.dispatch.poll}) and, sooner, right after a transaction
 * that wrote some commits. Each row is first claimed with a conditional UPDATE that only one dispatcher can win (on
 * this node or another sharing the database), then delivered outside any transaction. A failure is retried after
 * {@code backoff} doubled per attempt up to {@code max-backoff}; after {@code max-attempts}, or at once for a failure
 * no retry can mend, the row is dead until an administrator retries it. A node that dies mid-delivery leaves a claim
 * that expires after {@code lease}, and the row is delivered again with the same idempotency key.
 */
@Component
public class OutboxDispatcher implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final String NODE = node();

    private final Outbox outbox;
    private final NotifyProperties.Dispatch settings;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mosaic-outbox-nudge");
        thread.setDaemon(true);
        return thread;
    });
    /** Set while a nudge waits to run: a burst of commits costs one extra pass, not one each. */
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();

    OutboxDispatcher(Outbox outbox, NotifyProperties properties, List<DeliveryChannel> channels) {
        this.outbox = outbox;
        this.settings = properties.getDispatch();
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
    }

    @Scheduled(fixedDelayString = "${mosaic.notify.dispatch.poll:PT10S}",
            initialDelayString = "${mosaic.notify.dispatch.poll:PT10S}")
    void poll() {
        runSafely();
    }

    /** Delivers soon after the current transaction commits (at once when there is none); nothing on rollback. */
    void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge();
                }
            });
        } else {
            nudge();
        }
    }

    void nudge() {
        if (nudgeQueued.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgeQueued.set(false);
                runSafely();
            });
        }
    }

    private void runSafely() {
        try {
            runOnce(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Outbox dispatch failed; the next poll tries again", e);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeOnSchedule() {
        try {
            purge(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Purging sent outbox rows failed; the next hour tries again", e);
        }
    }

    /**
     * Deletes deliveries sent longer than {@code keep-sent} before {@code now}, so that the log keeps what is worth
     * reading; pending and dead rows stay. Any node may run it at any time: a row is deleted once whoever does it.
     *
     * @return how many rows went
     */
    public int purge(Instant now) {
        return outbox.deleteSentBefore(now.minus(settings.getKeepSent()));
    }

    /** One pass over the rows due at {@code now}; returns how many this call delivered. */
    public int runOnce(Instant now) {
        int delivered = 0;
        for (long id : outbox.due(now, settings.getBatch())) {
            String claimer = NODE + ":" + UUID.randomUUID().toString().substring(0, 8);
            if (!outbox.claim(id, claimer, now.plus(settings.getLease()), now)) {
                continue;
            }
            OutboxEntry entry = outbox.find(id).orElseThrow();
            try {
                channels.get(entry.channel()).deliver(entry, now);
                outbox.sent(id, claimer, now);
                delivered++;
            } catch (DeliveryException e) {
                failed(entry, claimer, e.getMessage(), e.permanent(), now);
            } catch (RuntimeException e) {
                LOG.warn("Delivery of outbox row {} failed unexpectedly", id, e);
                failed(entry, claimer, e.toString(), false, now);
            }
        }
        return delivered;
    }

    private void failed(OutboxEntry entry, String claimer, String error, boolean permanent, Instant now) {
        int attempts = entry.attempts() + 1;
        boolean dead = permanent || attempts >= settings.getMaxAttempts();
        outbox.failed(entry.id(), claimer, error, dead ? null : now.plus(backoff(attempts)), now);
        if (dead) {
            LOG.warn("Outbox row {} ({} to {}) is dead after {} attempt(s): {}", entry.id(), entry.channel().key(),
                    entry.target(), attempts, error);
        }
    }

    /** The wait after the given number of failed attempts: backoff, 2 × backoff, 4 × … up to max-backoff. */
    Duration backoff(int attempts) {
        Duration wait = settings.getBackoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.getMaxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.getMaxBackoff()) > 0 ? settings.getMaxBackoff() : wait;
    }

    @Override
    public void destroy() {
        nudges.shutdownNow();
    }

    private static String node() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.length() > 48 ? name.substring(0, 48) : name;
    }
}
