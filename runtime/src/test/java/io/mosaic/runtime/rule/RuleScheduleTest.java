package io.mosaic.runtime.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.RowFilter;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.support.RuntimeTest;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;

/** Scheduled rule sets fire once per due time and record, with two scheduler instances on one database. */
class RuleScheduleTest extends RuntimeTest {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    FormRecords records;

    @Autowired
    RuleSchedules schedules;

    @Autowired
    LockProvider lockProvider;

    @Autowired
    PublishedRules rules;

    @Autowired
    RuleEffects effects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuleRecordFinder finder;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final String app = "sc" + Long.toString(System.nanoTime(), 36);
    private final LocalDate today = LocalDate.now(ZoneId.systemDefault());

    @BeforeEach
    void contractsWithAReminderRule() throws Exception {
        metadata.createApp(app, """
                {"key": "%s", "name": {"zh-CN": "合同", "en": "Contracts"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "definitions": [{"kind": "form", "key": "contract"}]}""".formatted(app), ACTOR);
        metadata.publishContent(app, "form", "contract", """
                {"key": "contract", "name": {"zh-CN": "合同", "en": "Contract"},
                 "fields": [{"key": "dealer", "type": "text", "label": {"zh-CN": "经销商", "en": "Dealer"}},
                            {"key": "contract_end", "type": "date", "label": {"zh-CN": "到期", "en": "Ends"}},
                            {"key": "reminded", "type": "text", "label": {"zh-CN": "已提醒", "en": "Reminded"}}]}""",
                null, ACTOR);
        metadata.publishContent(app, "rules", "expiry", """
                {"key": "expiry", "name": {"zh-CN": "到期提醒", "en": "Expiry reminder"}, "form": "contract",
                 "trigger": {"type": "schedule", "relativeTo": {"field": "contract_end", "days": -30}},
                 "rules": [{"key": "remind", "name": {"zh-CN": "提醒", "en": "Remind"},
                            "actions": [{"type": "set_field", "field": "reminded", "value": "yes"},
                                        {"type": "notify", "channels": ["in_app"], "to": {"users": ["admin"]},
                                         "message": {"zh-CN": "合同将到期", "en": "A contract ends soon"}}]}]}""",
                null, ACTOR);
    }

    private long contract(String dealer, LocalDate ends) throws Exception {
        return records.systemStore(app, "contract").create("{\"dealer\": \"" + dealer + "\", \"contract_end\": \""
                + ends + "\"}", new Actor(1, null, null), Locale.ENGLISH);
    }

    private String reminded(long id) throws Exception {
        return records.systemStore(app, "contract").read(id, RowFilter.ALL, java.util.Set.of()).orElseThrow()
                .path("reminded").asText("");
    }

    @Test
    void aRuleRelativeToADateFiresOnceOnTheDueRecordsWithTwoSchedulersAtOnce() throws Exception {
        long due = contract("East", today.plusDays(30));
        long later = contract("North", today.plusDays(10));
        // A second node: its own scheduler logic and lock executor over the same database.
        RuleSchedules otherNode = new RuleSchedules(rules, records, effects, jdbc, transactions,
                new DefaultLockingTaskExecutor(lockProvider), finder);
        Instant now = Instant.now();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (RuleSchedules node : List.of(schedules, otherNode)) {
            runs.add(pool.submit(() -> {
                start.await();
                return node.sweepLocked(now);
            }));
        }
        start.countDown();
        int fired = 0;
        for (Future<Integer> run : runs) {
            fired += run.get();
        }
        pool.shutdown();
        fired += otherNode.sweepLocked(now.plus(Duration.ofMinutes(1)));
        fired += schedules.sweepLocked(now.plus(Duration.ofMinutes(2)));

        assertThat(fired).isEqualTo(1);
        assertThat(reminded(due)).isEqualTo("yes");
        assertThat(reminded(later)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM MO_RULE_FIRING WHERE app_key = ?").param(app).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCronRuleFiresAtItsDueTimeOverEveryRecordOnce() throws Exception {
        metadata.publishContent(app, "rules", "expiry", """
                {"key": "expiry", "name": {"zh-CN": "每日", "en": "Daily"}, "form": "contract",
                 "trigger": {"type": "schedule", "cron": "0 0 8 * * *"},
                 "rules": [{"key": "mark", "name": {"zh-CN": "标记", "en": "Mark"},
                            "actions": [{"type": "set_field", "field": "reminded", "value": "daily"}]}]}""", null, ACTOR);
        long one = contract("East", today.plusDays(300));
        long two = contract("West", today.plusDays(3));
        Instant now = Instant.now();
        assertThat(schedules.sweepLocked(now)).as("first seen: only scheduled").isZero();
        Instant due = jdbc.sql("SELECT next_due FROM MO_RULE_SCHEDULE WHERE app_key = ?").param(app)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(schedules.sweepLocked(due.plusSeconds(30))).isEqualTo(2);
        assertThat(schedules.sweepLocked(due.plusSeconds(90))).isZero();
        assertThat(reminded(one)).isEqualTo("daily");
        assertThat(reminded(two)).isEqualTo("daily");
    }

    @Test
    void aScheduledRuleSearchesOtherRecordsWithExists() throws Exception {
        // A contract ending in 30 days whose dealer already has a later one is renewed, not to be reminded of.
        metadata.publishContent(app, "rules", "expiry", """
                {"key": "expiry", "name": {"zh-CN": "到期提醒", "en": "Expiry reminder"}, "form": "contract",
                 "trigger": {"type": "schedule", "relativeTo": {"field": "contract_end", "days": -30}},
                 "rules": [{"key": "renewed", "name": {"zh-CN": "已续约", "en": "Renewed"},
                            "condition": {"exists": {"form": "contract", "excludeSelf": true,
                              "where": [{"field": "dealer", "op": "eq", "expression": "dealer"},
                                        {"field": "contract_end", "op": "gt", "expression": "contract_end"}]}},
                            "actions": [{"type": "set_field", "field": "reminded", "value": "renewed"}]},
                           {"key": "remind", "name": {"zh-CN": "提醒", "en": "Remind"},
                            "condition": {"not": {"exists": {"form": "contract", "excludeSelf": true,
                              "where": [{"field": "dealer", "op": "eq", "expression": "dealer"},
                                        {"field": "contract_end", "op": "gt", "expression": "contract_end"}]}}},
                            "actions": [{"type": "set_field", "field": "reminded", "value": "yes"}]}]}""", null, ACTOR);
        long renewed = contract("East", today.plusDays(30));
        contract("East", today.plusDays(400));
        long ending = contract("North", today.plusDays(30));
        // An earlier contract of North is no renewal.
        contract("North", today.minusDays(200));

        assertThat(schedules.sweepLocked(Instant.now())).isEqualTo(2);
        assertThat(reminded(renewed)).isEqualTo("renewed");
        assertThat(reminded(ending)).isEqualTo("yes");
    }
}
