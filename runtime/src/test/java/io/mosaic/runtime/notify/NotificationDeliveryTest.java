package io.mosaic.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;

class NotificationDeliveryTest extends SecurityTestSupport {

    private static final String SECRET = "s3cret-for-tests";

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    Outbox outbox;

    @Autowired
    NotifyProperties properties;

    @Autowired
    List<DeliveryChannel> channels;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private WebhookSettings webhookSettings;

    @BeforeEach
    void mutableWebhookSettings() {
        webhookSettings = WebhookSettings.changeable(properties);
    }

    @AfterEach
    void restoreWebhookSettings() {
        webhookSettings.close();
    }

    @Test
    void aReceiverThatFailsTwiceActsOnceOnTheThirdAttemptAndTheLogShowsThreeAttempts() throws Exception {
        User admin = createUser("admin");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 2, 0)) {
            String hook = webhook(receiver.url(), "json");
            properties.getWebhook().getAllowedHosts().add("127.0.0.1");
            String topic = unique("order_big");
            String key = sendInTransaction(new NotificationRequest(topic, Set.of(Channel.WEBHOOK), List.of(),
                    List.of(hook), new LocalizedText("大额订单", "Big order"), new LocalizedText("金额 60000", "Amount 60000"),
                    "#/apps/dms/form/order/7", Map.of("recordId", 7)));

            // the first attempt happens right after the commit; the clock then jumps past each backoff
            probe().awaitAttempts(key, 1);
            Instant clock = Instant.now();
            for (int pass = 0; pass < 20 && !OutboxEntry.SENT.equals(probe().row(key).status()); pass++) {
                clock = clock.plus(Duration.ofHours(2));
                dispatcher.runOnce(clock);
            }

            OutboxEntry row = probe().row(key);
            assertThat(row.status()).isEqualTo(OutboxEntry.SENT);
            assertThat(row.attempts()).isEqualTo(3);
            assertThat(row.lastError()).isNull();
            assertThat(receiver.requests()).hasSize(3)
                    .allSatisfy(request -> {
                        assertThat(request.idempotencyKey()).isEqualTo(key);
                        assertThat(request.signatureValid()).isTrue();
                    });
            assertThat(receiver.effectiveKeys()).containsExactly(key);
            JsonNode body = json.readTree(receiver.effectiveBody(key));
            assertThat(body.path("topic").asText()).isEqualTo(topic);
            assertThat(body.path("title").path("zh-CN").asText()).isEqualTo("大额订单");
            assertThat(body.path("data").path("recordId").asInt()).isEqualTo(7);

            mvc.perform(get("/api/admin/outbox").param("status", "sent").param("size", "200").with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[?(@.idempotencyKey == '%s')].attempts", key).value(hasItem(3)));
        }
    }

    @Test
    void webhookTargetsInsideTheNetworkAreRefusedWithTheReasonInTheLog() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0, 0)) {
            Map<String, String> refusals = Map.of(
                    receiver.url(), "127.0.0.1 is a loopback address",
                    "http://localhost:" + receiver.port() + "/hook", "localhost resolves to 127.0.0.1, which is a loopback",
                    "http://[::1]:" + receiver.port() + "/hook", "is a loopback address",
                    "http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address",
                    "http://10.0.0.1/hook", "10.0.0.1 is a private address",
                    "http://192.168.1.20/hook", "is a private address",
                    "http://metadata.google.internal/computeMetadata/v1/", "is a cloud metadata service",
                    "file:///etc/passwd", "is not an http or https address");
            Map<String, String> keys = new HashMap<>();
            refusals.forEach((url, reason) -> keys.put(url, sendInTransaction(webhookRequest(webhook(url, "json")))));

            refusals.forEach((url, reason) -> {
                OutboxEntry row = probe().awaitStatus(keys.get(url), OutboxEntry.DEAD);
                assertThat(row.status()).as(url).isEqualTo(OutboxEntry.DEAD);
                assertThat(row.attempts()).as(url).isEqualTo(1);
                assertThat(row.lastError()).as(url).startsWith("Webhook target refused: ").contains(reason);
            });
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void anAdministratorAllowsALocalHostAndRetriesTheDeadDelivery() throws Exception {
        User admin = createUser("admin");
        User clerk = createUser();
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0, 0)) {
            String key = sendInTransaction(webhookRequest(webhook(receiver.url(), "dingtalk")));
            OutboxEntry dead = probe().awaitStatus(key, OutboxEntry.DEAD);

            mvc.perform(post("/api/admin/outbox/{id}/retry", dead.id()).with(as(clerk))).andExpect(status().isForbidden());
            properties.getWebhook().getAllowedHosts().add("127.0.0.1");
            mvc.perform(post("/api/admin/outbox/{id}/retry", dead.id()).with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("pending"))
                    .andExpect(jsonPath("$.lastError").value(dead.lastError()));
            probe().awaitStatus(key, OutboxEntry.SENT);

            assertThat(probe().row(key).attempts()).isEqualTo(2);
            JsonNode robot = json.readTree(receiver.effectiveBody(key));
            assertThat(robot.path("msgtype").asText()).isEqualTo("text");
            assertThat(robot.path("text").path("content").asText()).startsWith("新订单").contains("#/apps/dms");
            mvc.perform(post("/api/admin/outbox/{id}/retry", dead.id()).with(as(admin)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("outbox.already_sent"));
        }
    }

    @Test
    void inAppNotificationsCountAsUnreadUntilMarkedRead() throws Exception {
        User reader = createUser();
        User other = createUser();
        String first = sendInTransaction(NotificationRequest.inApp("cc", reader.username(),
                new LocalizedText("抄送给你：差旅报销", "Copied to you: travel claim"), null, "#/instances/abc", Map.of()));
        // Delivered before the second is sent, so that the newest comes first even when both fall in one tick.
        probe().awaitStatus(first, OutboxEntry.SENT);
        String second = sendInTransaction(NotificationRequest.inApp("urge", reader.username(),
                new LocalizedText("催办：差旅报销", "Reminder: travel claim"), new LocalizedText("请尽快", "Please hurry"),
                "#/tasks/42", Map.of()));
        probe().awaitStatus(second, OutboxEntry.SENT);

        mvc.perform(get("/api/notifications/unread-count").with(as(reader)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.count").value(2));
        String list = mvc.perform(get("/api/notifications").with(as(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].topic").value("urge"))
                .andExpect(jsonPath("$.items[0].title.en").value("Reminder: travel claim"))
                .andExpect(jsonPath("$.items[0].body.zh-CN").value("请尽快"))
                .andExpect(jsonPath("$.items[0].link").value("#/tasks/42"))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andReturn().getResponse().getContentAsString();
        long newest = json.readTree(list).path("items").path(0).path("id").asLong();

        mvc.perform(post("/api/notifications/{id}/read", newest).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/{id}/read", newest).with(as(reader))).andExpect(status().isNoContent());
        mvc.perform(get("/api/notifications/unread-count").with(as(reader))).andExpect(jsonPath("$.count").value(1));
        mvc.perform(post("/api/notifications/read-all").with(as(reader)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/notifications/unread-count").with(as(reader))).andExpect(jsonPath("$.count").value(0));
        mvc.perform(get("/api/notifications").with(as(other))).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anInAppDeliveryRepeatedAfterALostAcknowledgementIsStoredOnce() throws Exception {
        User reader = createUser();
        String key = sendInTransaction(NotificationRequest.inApp("notify", reader.username(),
                new LocalizedText("提醒", "Heads-up"), null, null, Map.of()));
        probe().awaitStatus(key, OutboxEntry.SENT);
        NotificationInbox inbox = (NotificationInbox) channels.stream()
                .filter(channel -> channel.channel() == Channel.IN_APP).findFirst().orElseThrow();

        inbox.deliver(probe().row(key), Instant.now());

        assertThat(inbox.count(reader.username())).isEqualTo(1);
    }

    @Test
    void aRolledBackCallerLeavesNoOutboxRowAndNotifiesNobody() {
        User reader = createUser();
        String topic = unique("rolled_back");
        transactions.executeWithoutResult(tx -> {
            notifications.send(NotificationRequest.inApp(topic, reader.username(), new LocalizedText("不应送达", "Never"),
                    null, null, Map.of()));
            tx.setRollbackOnly();
        });
        dispatcher.runOnce(Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM MO_OUTBOX WHERE topic = ?").param(topic).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM MO_NOTIFICATION WHERE username = ?").param(reader.username())
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEachRowOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0, 20)) {
            String hook = webhook(receiver.url(), "json");
            properties.getWebhook().getAllowedHosts().add("127.0.0.1");
            Instant now = Instant.now();
            List<String> keys = new ArrayList<>();
            String topic = unique("race");
            for (int i = 0; i < 12; i++) {
                // written straight into the table, without the after-commit nudge, so that only the two race for them
                String key = UUID.randomUUID().toString();
                outbox.insert(key, topic, Channel.WEBHOOK, hook, json.createObjectNode()
                        .set("title", json.createObjectNode().put("zh-CN", "竞争 " + i).put("en", "Race " + i)), now);
                keys.add(key);
            }
            OutboxDispatcher nodeA = new OutboxDispatcher(outbox, properties, channels);
            OutboxDispatcher nodeB = new OutboxDispatcher(outbox, properties, channels);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                // the real clock, as the application's own poll uses: leases mean the same to all three
                Future<Integer> a = pool.submit(() -> {
                    start.await();
                    return nodeA.runOnce(Instant.now());
                });
                Future<Integer> b = pool.submit(() -> {
                    start.await();
                    return nodeB.runOnce(Instant.now());
                });
                start.countDown();
                int delivered = a.get() + b.get();

                assertThat(delivered).isLessThanOrEqualTo(keys.size());
                for (String key : keys) {
                    probe().awaitStatus(key, OutboxEntry.SENT);
                    assertThat(probe().row(key).attempts()).isEqualTo(1);
                }
                assertThat(receiver.requests()).hasSize(keys.size());
                assertThat(receiver.requests().stream().map(WebhookReceiver.Request::idempotencyKey))
                        .containsExactlyInAnyOrderElementsOf(keys);
            } finally {
                pool.shutdownNow();
                nodeA.destroy();
                nodeB.destroy();
            }
        }
    }

    @Test
    void sentDeliveriesOlderThanTheirKeepingTimeArePurgedWhilePendingAndDeadOnesStay() {
        Instant now = Instant.now();
        Instant old = now.minus(properties.getDispatch().getKeepSent()).minus(Duration.ofHours(1));
        String oldSent = row("sent", old, old);
        String recentSent = row("sent", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)));
        String oldDead = row("dead", old, null);
        String oldPending = row("pending", old, null);

        assertThat(dispatcher.purge(now)).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT idempotency_key FROM MO_OUTBOX WHERE idempotency_key IN (?, ?, ?, ?)")
                .params(oldSent, recentSent, oldDead, oldPending).query(String.class).list())
                .containsExactlyInAnyOrder(recentSent, oldDead, oldPending);
    }

    private String row(String status, Instant created, Instant sent) {
        String key = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO MO_OUTBOX (idempotency_key, topic, channel, target, message, status, attempts, "
                        + "next_attempt_at, created_at, sent_at) VALUES (?, 'purge_test', 'in_app', 'nobody', '{}', ?, 1, ?, ?, ?)")
                .params(key, status, java.sql.Timestamp.from(created.plus(Duration.ofDays(3650))),
                        java.sql.Timestamp.from(created), sent == null ? null : java.sql.Timestamp.from(sent))
                .update();
        return key;
    }

    @Test
    void backoffDoublesPerAttemptUpToItsCap() {
        NotifyProperties.Dispatch settings = properties.getDispatch();
        assertThat(dispatcher.backoff(1)).isEqualTo(settings.getBackoff());
        assertThat(dispatcher.backoff(3)).isEqualTo(settings.getBackoff().multipliedBy(4));
        assertThat(dispatcher.backoff(60)).isEqualTo(settings.getMaxBackoff());
    }

    private OutboxProbe probe() {
        return new OutboxProbe(outbox, dispatcher, jdbc);
    }

    private String webhook(String url, String preset) {
        String key = unique("hook");
        properties.getWebhooks().put(key, new NotifyProperties.Endpoint(url, SECRET, preset));
        return key;
    }

    private static NotificationRequest webhookRequest(String hook) {
        return new NotificationRequest("order_created", Set.of(Channel.WEBHOOK), List.of(), List.of(hook),
                new LocalizedText("新订单", "New order"), null, "#/apps/dms/form/order/1", Map.of());
    }

    private String sendInTransaction(NotificationRequest request) {
        List<String> keys = transactions.execute(tx -> notifications.send(request));
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }
}
