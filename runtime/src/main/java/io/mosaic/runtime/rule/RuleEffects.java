package io.mosaic.runtime.rule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.record.FormulaValue;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.rule.run.Effect;
import io.mosaic.runtime.flow.Assignees;
import io.mosaic.runtime.flow.FlowService;
import io.mosaic.runtime.flow.Todos;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.notify.Channel;
import io.mosaic.runtime.notify.NotificationRequest;
import io.mosaic.runtime.notify.Notifications;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Carries out the effects of fired rules, inside the transaction of the save that fired them: notifications and
 * to-dos go to the outbox (delivered after the commit), records of other forms are created. Effects that change
 * the record itself were applied before the write ({@link RuleHooks}).
 */
@Component
public class RuleEffects {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormRecords records;
    private final Assignees assignees;
    private final Notifications notifications;
    private final FlowService flows;
    private final Todos todos;
    private final Clock clock = Clock.systemUTC();

    RuleEffects(FormRecords records, Assignees assignees, Notifications notifications, FlowService flows, Todos todos) {
        this.records = records;
        this.assignees = assignees;
        this.notifications = notifications;
        this.flows = flows;
        this.todos = todos;
    }

    void carryOut(String app, String form, long recordId, ObjectNode record, Actor actor, List<Effect> effects) {
        for (Effect effect : effects) {
            if (effect instanceof Effect.Notify notify) {
                Set<Channel> channels = new LinkedHashSet<>();
                notify.channels().forEach(channel -> channels.add(Channel.of(channel)));
                notifications.send(new NotificationRequest("rule", channels, List.copyOf(recipients(notify.to(), record,
                        actor)), notify.webhook() == null ? List.of() : List.of(notify.webhook()),
                        notify.title() != null ? notify.title() : notify.message(), notify.message(),
                        link(app, form, recordId), Map.of("app", app, "form", form, "recordId", recordId)));
            } else if (effect instanceof Effect.CreateTodo todo) {
                createTodo(app, form, recordId, record, actor, todo);
            } else if (effect instanceof Effect.CreateRecord create) {
                createRecord(app, create, actor);
            } else if (effect instanceof Effect.UpdateRecord update) {
                updateRecords(app, update, actor);
            } else if (effect instanceof Effect.StartProcess start) {
                flows.startAsSystem(app, form, recordId, start.process(), ownerName(record, actor));
            } else {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.effect_unsupported",
                        "The rule action '" + effect.getClass().getSimpleName() + "' is not carried out");
            }
        }
    }

    /**
     * A to-do in the to-do box of the named users and of the roles' holders, who also hear of it in the app; users
     * held in record fields and the record's owner get it by name.
     */
    private void createTodo(String app, String form, long recordId, ObjectNode record, Actor actor, Effect.CreateTodo todo) {
        Effect.Recipients to = todo.to();
        Instant due = todo.dueInDays() == null ? null : clock.instant().plus(Duration.ofDays(todo.dueInDays()));
        todos.create(app, form, recordId, todo.title(), todo.message(), due, byName(to, record, actor), to.roles());
        notifications.send(new NotificationRequest("todo", Set.of(Channel.IN_APP),
                List.copyOf(recipients(to, record, actor)), List.of(), todo.title(), todo.message(),
                link(app, form, recordId), Map.of("app", app, "form", form, "recordId", recordId)));
    }

    private void createRecord(String app, Effect.CreateRecord create, Actor actor) {
        ObjectNode values = JSON.createObjectNode();
        create.values().forEach((field, value) -> values.set(field, FormulaValue.json(value)));
        try {
            records.systemStore(app, create.form()).create(values.toString(), actor, Locale.ENGLISH);
        } catch (InvalidRecordException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.effect_failed", "A rule could not create a '"
                    + create.form() + "' record: " + e.errors(),
                    List.of(new ApiError.Problem(create.form(), e.errors().toString())));
        } catch (SQLException e) {
            throw new IllegalStateException("A rule could not create a record", e);
        }
    }

    /**
     * Carries out effects on a stored record (rules of a workflow step or a schedule): its {@code set_field} effects
     * as one update of the record, the others as {@link #carryOut}.
     */
    void carryOutOnStored(String app, String form, ObjectNode record, Actor actor, List<Effect> effects) {
        long id = record.path(SystemColumns.ID).asLong();
        ObjectNode changes = record.objectNode();
        List<Effect> rest = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.SetField setField) {
                changes.set(setField.field(), FormulaValue.json(setField.value()));
            } else {
                rest.add(effect);
            }
        }
        if (!changes.isEmpty()) {
            try {
                records.systemStore(app, form).update(id, record.path(SystemColumns.VERSION).intValue(),
                        changes.toString(), actor, Locale.ENGLISH);
            } catch (InvalidRecordException e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.effect_failed", "A rule's change to the "
                        + "record was refused: " + e.errors(), List.of(new ApiError.Problem("", e.errors().toString())));
            } catch (SQLException e) {
                throw new IllegalStateException("A rule could not change record " + id, e);
            }
        }
        carryOut(app, form, id, record, actor, rest);
    }

    /** Who writes what rules do to a stored record when no user caused it: the record's owner. */
    static Actor ownerOf(ObjectNode record) {
        return new Actor(record.path(SystemColumns.OWNER_ID).asLong(),
                record.path(SystemColumns.ORG_ID).isNumber() ? record.path(SystemColumns.ORG_ID).asLong() : null,
                record.path(SystemColumns.DEALER_ID).isTextual() ? record.path(SystemColumns.DEALER_ID).asText() : null);
    }

    /** Usernames of the recipients: named users, role holders, users held in record fields, the record's owner. */
    private Set<String> recipients(Effect.Recipients to, ObjectNode record, Actor actor) {
        if (to == null) {
            return new LinkedHashSet<>();
        }
        Set<String> usernames = byName(to, record, actor);
        usernames.addAll(assignees.holders(to.roles()));
        return usernames;
    }

    /** The recipients that are people rather than roles. */
    private Set<String> byName(Effect.Recipients to, ObjectNode record, Actor actor) {
        Set<String> usernames = new LinkedHashSet<>(assignees.users(to.users()));
        usernames.addAll(assignees.users(to.fieldUsers()));
        if (to.initiator()) {
            assignees.usernameOf(owner(record, actor)).ifPresent(usernames::add);
        }
        return usernames;
    }

    /** Every live record of the target form the effect's match accepts gets the effect's values. */
    private void updateRecords(String app, Effect.UpdateRecord update, Actor actor) {
        RecordStore store = records.systemStore(app, update.form());
        ObjectNode values = JSON.createObjectNode();
        update.values().forEach((field, value) -> values.set(field, FormulaValue.json(value)));
        String after = null;
        try {
            do {
                ListQuery query = ListQuery.firstPage(200).scoped(RowFilter.ALL, Set.of());
                Page page = store.list(after == null ? query : query.after(after));
                for (ObjectNode candidate : page.records()) {
                    if (update.match().matches(records.factsOf(app, update.form(), candidate, Clock.systemUTC()))) {
                        store.update(candidate.path(SystemColumns.ID).asLong(),
                                candidate.path(SystemColumns.VERSION).intValue(), values.toString(), actor, Locale.ENGLISH);
                    }
                }
                after = page.hasMore() ? page.nextCursor() : null;
            } while (after != null);
        } catch (InvalidRecordException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.effect_failed", "A rule could not update a '"
                    + update.form() + "' record: " + e.errors(),
                    List.of(new ApiError.Problem(update.form(), e.errors().toString())));
        } catch (SQLException e) {
            throw new IllegalStateException("A rule could not update records", e);
        }
    }

    /** The record's owner by username, who a process a rule starts is initiated by. */
    private String ownerName(ObjectNode record, Actor actor) {
        return assignees.usernameOf(owner(record, actor)).orElseThrow();
    }

    private static long owner(ObjectNode record, Actor actor) {
        return record.path(SystemColumns.OWNER_ID).asLong(actor.userId());
    }

    private static String link(String app, String form, long recordId) {
        return "#/apps/" + app + "/form/" + form + "/" + recordId;
    }
}
