package io.mosaic.rule.run;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.mosaic.api.definition.LocalizedText;

import java.util.List;
import java.util.Map;

/**
 * What a fired rule asks for, one record per action of the schema, with every formula and message template
 * already evaluated against the record. Effects are data: the runtime executes them (or, when simulating,
 * only shows them). Serialised with {@code type} as the schema spells the action.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Effect.SetField.class, name = "set_field"),
        @JsonSubTypes.Type(value = Effect.Reject.class, name = "reject"),
        @JsonSubTypes.Type(value = Effect.Notify.class, name = "notify"),
        @JsonSubTypes.Type(value = Effect.CreateRecord.class, name = "create_record"),
        @JsonSubTypes.Type(value = Effect.UpdateRecord.class, name = "update_record"),
        @JsonSubTypes.Type(value = Effect.StartProcess.class, name = "start_process"),
        @JsonSubTypes.Type(value = Effect.CreateTodo.class, name = "create_todo"),
})
public sealed interface Effect {

    /** A top-level field of the record gets {@code value} (text, BigDecimal, Boolean, ISO date text or blank). */
    record SetField(String field, Object value) implements Effect {
    }

    /** The save is refused; {@code field} (may be null) is where the message shows. */
    record Reject(String field, LocalizedText message) implements Effect {
    }

    /** {@code webhook} names the configured webhook when channels include it; {@code title} may be null. */
    record Notify(List<String> channels, Recipients to, String webhook, LocalizedText title,
                  LocalizedText message) implements Effect {
    }

    /** A record of another form with {@code values} by field key. */
    record CreateRecord(String form, Map<String, Object> values) implements Effect {
    }

    /** The records of {@code form} that {@link RecordMatch#matches} accepts get {@code values}. */
    record UpdateRecord(String form, RecordMatch match, Map<String, Object> values) implements Effect {
    }

    /** A process started with the record as its business record. */
    record StartProcess(String process) implements Effect {
    }

    /** A to-do for each recipient; {@code message} and {@code dueInDays} may be null. */
    record CreateTodo(Recipients to, LocalizedText title, LocalizedText message, Integer dueInDays)
            implements Effect {
    }

    /**
     * Who is told: {@code roles} and {@code users} as the definition names them, {@code fieldUsers} the non-blank
     * values read from the record's {@code fields} (user fields), and whether the record's initiator is one.
     */
    record Recipients(List<String> roles, List<String> users, List<String> fields, List<String> fieldUsers,
                      boolean initiator) {
    }
}
