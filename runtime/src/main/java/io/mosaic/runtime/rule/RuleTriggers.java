package io.mosaic.runtime.rule;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.rule.run.CompiledRules;
import io.mosaic.rule.run.Effect;
import io.mosaic.rule.run.RuleEvaluationException;
import io.mosaic.rule.run.RuleFacts;
import io.mosaic.rule.run.RuleRunawayException;
import io.mosaic.runtime.flow.WorkflowEvent;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Rule sets triggered by a record's approval (submitted, approved, rejected, task created / completed / overdue),
 * run inside the transaction of the workflow step: {@code set_field} changes the record, the other effects are
 * carried out as on a save; a rule that fails fails the step.
 */
@Component
public class RuleTriggers {

    private final PublishedRules rules;
    private final FormRecords records;
    private final RuleEffects effects;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    RuleTriggers(PublishedRules rules, FormRecords records, RuleEffects effects, JdbcClient jdbc) {
        this.rules = rules;
        this.records = records;
        this.effects = effects;
        this.jdbc = jdbc;
    }

    @EventListener
    void onWorkflow(WorkflowEvent event) {
        List<CompiledRules> sets = rules.of(event.app(), event.form()).stream()
                .filter(set -> event.type().equals(set.trigger().type()))
                .filter(set -> set.trigger().task() == null || set.trigger().task().equals(event.task()))
                .toList();
        if (sets.isEmpty()) {
            return;
        }
        try {
            RecordStore store = records.systemStore(event.app(), event.form());
            ObjectNode record = store.read(event.recordId(), RowFilter.ALL, Set.of()).orElseThrow();
            Actor actor = actor(event.actor(), record);
            List<Effect> toDo = new ArrayList<>();
            ObjectNode changes = record.objectNode();
            for (CompiledRules set : sets) {
                for (Effect effect : run(set, event, record, actor)) {
                    // The rule set kind allows reject on before-save triggers only.
                    if (effect instanceof Effect.SetField setField) {
                        changes.set(setField.field(), RuleEffects.json(setField.value()));
                    } else {
                        toDo.add(effect);
                    }
                }
            }
            if (!changes.isEmpty()) {
                store.update(event.recordId(), record.path(SystemColumns.VERSION).intValue(), changes.toString(), actor,
                        Locale.ENGLISH);
            }
            effects.carryOut(event.app(), event.form(), event.recordId(), record, actor, toDo);
        } catch (InvalidRecordException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.effect_failed", "A rule's change to the record "
                    + "was refused: " + e.errors(), List.of(new ApiError.Problem("", e.errors().toString())));
        } catch (SQLException e) {
            throw new IllegalStateException("Rules on " + event.type() + " could not read or write the record", e);
        }
    }

    private List<Effect> run(CompiledRules set, WorkflowEvent event, ObjectNode record, Actor actor) {
        try {
            return set.run(new RuleFacts(records.factsOf(event.app(), event.form(), record, clock), Set.of(),
                    Map.of("id", actor.userId(), "username", event.actor() == null ? "" : event.actor()),
                    clock.instant())).effects();
        } catch (RuleEvaluationException | RuleRunawayException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.failed", e.getMessage());
        }
    }

    /** The user who caused the event, or the record's owner when the system did. */
    private Actor actor(String username, ObjectNode record) {
        if (username != null) {
            return jdbc.sql("SELECT id, org_id, dealer_id FROM MO_USER WHERE username = ?").param(username)
                    .query((rs, n) -> new Actor(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3)))
                    .single();
        }
        return new Actor(record.path(SystemColumns.OWNER_ID).asLong(), record.path(SystemColumns.ORG_ID).isNull() ? null
                : record.path(SystemColumns.ORG_ID).asLong(), record.path(SystemColumns.DEALER_ID).asText(null));
    }
}
