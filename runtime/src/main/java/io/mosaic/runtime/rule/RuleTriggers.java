package io.mosaic.runtime.rule;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.RowFilter;
import io.mosaic.rule.run.CompiledRules;
import io.mosaic.rule.run.Effect;
import io.mosaic.rule.run.RuleEvaluationException;
import io.mosaic.rule.run.RuleFacts;
import io.mosaic.rule.run.RuleRunawayException;
import io.mosaic.runtime.flow.Assignees;
import io.mosaic.runtime.flow.WorkflowEvent;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.web.ApiException;

/**
 * Rule sets triggered by a record's approval (submitted, approved, rejected, task created / completed / overdue),
 * run inside the transaction of the workflow step: {@code set_field} changes the record, the other effects are
 * carried out as on a save; a rule that fails fails the step.
 */
@Component
public class RuleTriggers {

    private final RuleRecordFinder finder;
    private final PublishedRules rules;
    private final FormRecords records;
    private final RuleEffects effects;
    private final Assignees assignees;
    private final Clock clock = Clock.systemUTC();

    RuleTriggers(PublishedRules rules, FormRecords records, RuleEffects effects, Assignees assignees,
                 RuleRecordFinder finder) {
        this.finder = finder;
        this.rules = rules;
        this.records = records;
        this.effects = effects;
        this.assignees = assignees;
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
        ObjectNode record;
        try {
            record = records.systemStore(event.app(), event.form()).read(event.recordId(), RowFilter.ALL, Set.of())
                    .orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Rules on " + event.type() + " could not read the record", e);
        }
        Actor actor = event.actor() == null ? RuleEffects.ownerOf(record) : assignees.actor(event.actor());
        List<Effect> found = new ArrayList<>();
        for (CompiledRules set : sets) {
            found.addAll(run(set, event, record, actor));
        }
        // The rule set kind allows reject on before-save triggers only.
        effects.carryOutOnStored(event.app(), event.form(), record, actor, found);
    }

    private List<Effect> run(CompiledRules set, WorkflowEvent event, ObjectNode record, Actor actor) {
        try {
            return set.run(new RuleFacts(records.factsOf(event.app(), event.form(), record, clock), Set.of(),
                    Map.of("id", actor.userId(), "username", event.actor() == null ? "" : event.actor()),
                    clock.instant(), finder.of(event.app(), RuleRecordFinder.selfId(record, null), clock))).effects();
        } catch (RuleEvaluationException | RuleRunawayException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.failed", e.getMessage());
        }
    }
}
