package io.mosaic.runtime.rule;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.FormulaValue;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.form.store.SaveHooks;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.rule.run.CompiledRules;
import io.mosaic.rule.run.Effect;
import io.mosaic.rule.run.RuleEvaluationException;
import io.mosaic.rule.run.RuleFacts;
import io.mosaic.rule.run.RuleRun;
import io.mosaic.rule.run.RuleRunawayException;
import io.mosaic.runtime.flow.Assignees;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.form.RecordHooks;

/**
 * A form's rules around each save of its records. Before the write, {@code before_save} rule sets run: their
 * {@code set_field} effects change the record, {@code reject} refuses the save with its message on the field. After
 * the write, in the record's transaction and on its connection, the other effects of those rule sets and every
 * effect of {@code after_save} and {@code field_changed} rule sets are carried out, so that they commit or roll back
 * with the record; notifications are written to the outbox then and delivered after the commit.
 */
@Component
public class RuleHooks implements RecordHooks {

    private static final Logger LOG = LoggerFactory.getLogger(RuleHooks.class);

    private final PublishedRules rules;
    private final FormRecords records;
    private final RuleEffects effects;
    private final Assignees assignees;
    private final DataSource dataSource;
    private final RuleRecordFinder finder;
    private final Clock clock = Clock.systemUTC();

    RuleHooks(PublishedRules rules, FormRecords records, RuleEffects effects, Assignees assignees, DataSource dataSource,
              RuleRecordFinder finder) {
        this.finder = finder;
        this.rules = rules;
        this.records = records;
        this.effects = effects;
        this.assignees = assignees;
        this.dataSource = dataSource;
    }

    @Override
    public SaveHooks forForm(String app, String form) {
        List<CompiledRules> sets = rules.of(app, form);
        if (sets.stream().noneMatch(set -> saveTriggered(set.trigger().type()))) {
            return SaveHooks.NONE;
        }
        return new FormHooks(app, form, sets);
    }

    private static boolean saveTriggered(String type) {
        return "before_save".equals(type) || "after_save".equals(type) || "field_changed".equals(type);
    }

    /**
     * The hooks of one form for one store handed out: the deferred effects of each record's before-save run travel
     * to its after-save, by the record itself (an import runs every before-save first, then every write).
     */
    private final class FormHooks implements SaveHooks {

        private final String app;
        private final String form;
        private final List<CompiledRules> sets;
        private final Map<ObjectNode, List<Effect>> deferred = new IdentityHashMap<>();
        private final List<TransactionSynchronization> pending = new ArrayList<>();

        FormHooks(String app, String form, List<CompiledRules> sets) {
            this.app = app;
            this.form = form;
            this.sets = sets;
        }

        @Override
        public void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
            List<Effect> later = new ArrayList<>();
            List<RecordError> refusals = new ArrayList<>();
            for (CompiledRules set : sets) {
                if (!"before_save".equals(set.trigger().type())) {
                    continue;
                }
                for (Effect effect : run(set, record, stored, actor).effects()) {
                    if (effect instanceof Effect.SetField setField) {
                        record.set(setField.field(), FormulaValue.json(setField.value()));
                    } else if (effect instanceof Effect.Reject reject) {
                        refusals.add(new RecordError(reject.field() == null ? "" : "/" + reject.field(), "rule",
                                reject.message() == null ? "Refused by rule set " + set.key()
                                        : reject.message().in(locale.toLanguageTag())));
                    } else {
                        later.add(effect);
                    }
                }
            }
            if (!refusals.isEmpty()) {
                throw new InvalidRecordException(refusals);
            }
            deferred.put(record, later);
        }

        @Override
        public void afterSave(Connection connection, long id, ObjectNode record, ObjectNode stored, Actor actor) {
            List<Effect> later = deferred.remove(record);
            List<Effect> toDo = new ArrayList<>(later == null ? List.of() : later);
            ObjectNode saved = record.deepCopy();
            saved.put(SystemColumns.ID, id);
            Set<String> changed = changedFields(record, stored);
            for (CompiledRules set : sets) {
                String type = set.trigger().type();
                boolean fieldChanged = "field_changed".equals(type)
                        && set.trigger().fields().stream().anyMatch(changed::contains);
                if ("after_save".equals(type) || fieldChanged) {
                    toDo.addAll(run(set, saved, stored, actor).effects());
                }
            }
            if (!toDo.isEmpty()) {
                onConnection(connection, pending, () -> effects.carryOut(app, form, id, saved, actor, toDo));
            }
        }

        @Override
        public void afterCompletion(boolean committed) {
            complete(pending, committed);
        }

        private RuleRun run(CompiledRules set, ObjectNode record, ObjectNode stored, Actor actor) {
            RuleFacts facts = new RuleFacts(records.factsOf(app, form, record, clock), changedFields(record, stored),
                    user(actor), clock.instant(), finder.of(app, RuleRecordFinder.selfId(record, stored), clock));
            try {
                return set.run(facts);
            } catch (RuleEvaluationException | RuleRunawayException e) {
                throw new InvalidRecordException(List.of(new RecordError("", "rule", e.getMessage())));
            }
        }
    }

    static Set<String> changedFields(ObjectNode record, ObjectNode stored) {
        Set<String> changed = new LinkedHashSet<>();
        record.fieldNames().forEachRemaining(name -> {
            JsonNode before = stored == null ? null : stored.get(name);
            if (stored == null || before == null || !before.equals(record.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    /**
     * The saving user as conditions read {@code current_user}; read from the database only when a condition asks,
     * since most rule sets never do and a save should not pay for it.
     */
    private Map<String, Object> user(Actor actor) {
        return new java.util.AbstractMap<>() {
            private Map<String, Object> loaded;

            @Override
            public Set<Entry<String, Object>> entrySet() {
                if (loaded == null) {
                    loaded = loadUser(actor);
                }
                return loaded.entrySet();
            }
        };
    }

    private Map<String, Object> loadUser(Actor actor) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", actor.userId());
        user.put("org_id", actor.orgId());
        user.put("dealer_id", actor.dealerId());
        assignees.usernameOf(actor.userId()).ifPresent(username -> {
            user.put("username", username);
            user.put("roles", assignees.rolesOf(username));
        });
        return user;
    }

    /**
     * Runs {@code work} with the platform's data access bound to the record's connection, so that what it writes is
     * part of the record's transaction; inside a transaction of the platform's own, that connection is already bound.
     * Outside one, what {@code work} asks to run after the commit (the outbox's wake-up) is kept in {@code pending}
     * for the store's {@link SaveHooks#afterCompletion}, since the store commits the connection itself.
     */
    private void onConnection(Connection connection, List<TransactionSynchronization> pending, Runnable work) {
        if (TransactionSynchronizationManager.hasResource(dataSource)
                || TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        // Marked active, so that the platform's transactional services called here join the save's transaction
        // rather than commit it.
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection) {
            {
                setTransactionActive(true);
            }
        });
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            pending.addAll(TransactionSynchronizationManager.getSynchronizations());
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationManager.unbindResource(dataSource);
        }
    }

    private static void complete(List<TransactionSynchronization> pending, boolean committed) {
        List<TransactionSynchronization> done = List.copyOf(pending);
        pending.clear();
        for (TransactionSynchronization synchronization : done) {
            try {
                if (committed) {
                    synchronization.afterCommit();
                }
                synchronization.afterCompletion(committed ? TransactionSynchronization.STATUS_COMMITTED
                        : TransactionSynchronization.STATUS_ROLLED_BACK);
            } catch (RuntimeException e) {
                LOG.warn("A rule's after-commit step failed; the outbox's poll delivers what it left", e);
            }
        }
    }
}
