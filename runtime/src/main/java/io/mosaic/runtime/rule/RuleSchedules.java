package io.mosaic.runtime.rule;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.rule.run.CompiledRules;
import io.mosaic.rule.run.Effect;
import io.mosaic.rule.run.RuleFacts;
import io.mosaic.rule.run.Trigger;
import io.mosaic.runtime.form.FormRecords;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Scheduled rule sets: a {@code cron} schedule runs the rule set over every live record of its form at each due
 * time; {@code relativeTo} runs it once on each record whose date field is {@code days} away from today (negative:
 * before). One node sweeps at a time (ShedLock over the database), and each firing (rule set, due time, record) is
 * written with a unique key in the transaction of its effects, so a rule fires once per due time and record however
 * many nodes run and even if a lock ran out mid-sweep.
 */
@Component
public class RuleSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSchedules.class);
    static final String LOCK = "mosaic-rule-schedules";
    private static final int PAGE = 200;

    private final PublishedRules rules;
    private final FormRecords records;
    private final RuleEffects effects;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LockingTaskExecutor locks;
    private final RuleRecordFinder finder;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Clock clock = Clock.systemUTC();

    RuleSchedules(PublishedRules rules, FormRecords records, RuleEffects effects, JdbcClient jdbc,
                  PlatformTransactionManager transactionManager, LockingTaskExecutor locks, RuleRecordFinder finder) {
        this.rules = rules;
        this.records = records;
        this.effects = effects;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.locks = locks;
        this.finder = finder;
    }

    @Scheduled(fixedDelayString = "${mosaic.rules.schedule-sweep:PT1M}",
            initialDelayString = "${mosaic.rules.schedule-sweep:PT1M}")
    void scheduled() {
        sweepLocked(clock.instant());
    }

    /**
     * Sweeps under the cluster-wide lock; a node that finds it taken skips this round.
     *
     * @return how many (record, due time) firings this call made
     */
    public int sweepLocked(Instant now) {
        int[] fired = {0};
        locks.executeWithLock((Runnable) () -> fired[0] = sweep(now),
                new LockConfiguration(now, LOCK, Duration.ofMinutes(10), Duration.ZERO));
        return fired[0];
    }

    int sweep(Instant now) {
        int fired = 0;
        for (PublishedRules.AppRules scheduled : rules.all()) {
            Trigger trigger = scheduled.rules().trigger();
            if (!"schedule".equals(trigger.type())) {
                continue;
            }
            try {
                fired += trigger.cron() != null ? cron(scheduled.app(), scheduled.rules(), trigger.cron(), now)
                        : relative(scheduled.app(), scheduled.rules(), trigger.relativeTo(), now);
            } catch (RuntimeException e) {
                LOG.warn("Scheduled rule set {}/{} failed: {}", scheduled.app(), scheduled.rules().key(), e.getMessage());
            }
        }
        return fired;
    }

    private int cron(String app, CompiledRules set, String cron, Instant now) {
        CronExpression expression = CronExpression.parse(cron);
        Optional<Instant> due = jdbc.sql("SELECT next_due FROM MO_RULE_SCHEDULE WHERE app_key = ? AND rule_set = ?")
                .params(app, set.key()).query(Timestamp.class).optional().map(Timestamp::toInstant);
        if (due.isEmpty()) {
            // First seen now: due from the next time the schedule names, never for times before it was published.
            setNextDue(app, set.key(), next(expression, now), true);
            return 0;
        }
        if (due.get().isAfter(now)) {
            return 0;
        }
        String dueKey = due.get().toString();
        int fired = overRecords(app, set, dueKey, record -> true, now);
        setNextDue(app, set.key(), next(expression, now), false);
        return fired;
    }

    private int relative(String app, CompiledRules set, Trigger.RelativeTo relativeTo, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        // "30 days before contract_end" (days = -30) fires on records whose contract_end is 30 days from today.
        String date = today.minusDays(relativeTo.days()).toString();
        return overRecords(app, set, date, record -> date.equals(record.path(relativeTo.field()).asText()), now);
    }

    private interface RecordTest {
        boolean due(ObjectNode record);
    }

    private int overRecords(String app, CompiledRules set, String dueKey, RecordTest test, Instant now) {
        RecordStore store = records.systemStore(app, set.form());
        int fired = 0;
        String after = null;
        try {
            do {
                ListQuery query = ListQuery.firstPage(PAGE).scoped(RowFilter.ALL, Set.of());
                Page page = store.list(after == null ? query : query.after(after));
                for (ObjectNode record : page.records()) {
                    if (test.due(record) && fire(app, set, dueKey, record, now)) {
                        fired++;
                    }
                }
                after = page.hasMore() ? page.nextCursor() : null;
            } while (after != null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the records of " + set.form(), e);
        }
        return fired;
    }

    /** Runs the rule set on one record and carries out its effects, once per due time and record. */
    private boolean fire(String app, CompiledRules set, String dueKey, ObjectNode record, Instant now) {
        long id = record.path(SystemColumns.ID).asLong();
        Boolean done = transactions.execute(status -> {
            try {
                jdbc.sql("INSERT INTO MO_RULE_FIRING (app_key, rule_set, due_key, record_id, fired_at) VALUES (?, ?, ?, ?, ?)")
                        .params(app, set.key(), dueKey, id, Timestamp.from(now)).update();
            } catch (DuplicateKeyException alreadyFired) {
                return false;
            }
            List<Effect> found = set.run(new RuleFacts(records.factsOf(app, set.form(), record, clock), Set.of(),
                    Map.of(), now, finder.of(app, id, clock))).effects();
            effects.carryOutOnStored(app, set.form(), record, RuleEffects.ownerOf(record), found);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    private Instant next(CronExpression expression, Instant after) {
        ZonedDateTime next = expression.next(ZonedDateTime.ofInstant(after, zone));
        return next == null ? after.plus(Duration.ofDays(36500)) : next.toInstant();
    }

    private void setNextDue(String app, String ruleSet, Instant due, boolean first) {
        if (first) {
            jdbc.sql("INSERT INTO MO_RULE_SCHEDULE (app_key, rule_set, next_due) VALUES (?, ?, ?)")
                    .params(app, ruleSet, Timestamp.from(due)).update();
        } else {
            jdbc.sql("UPDATE MO_RULE_SCHEDULE SET next_due = ? WHERE app_key = ? AND rule_set = ?")
                    .params(Timestamp.from(due), app, ruleSet).update();
        }
    }
}
