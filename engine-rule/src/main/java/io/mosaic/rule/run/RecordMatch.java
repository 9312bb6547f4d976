package io.mosaic.rule.run;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.form.formula.FormulaContext;

import java.time.LocalDate;

/**
 * Which records an update_record effect changes: the action's {@code match} condition, evaluated per candidate
 * record of the target form, where plain names are the candidate's fields and {@code record.…} the fields of
 * the record whose rule fired (as they were when it fired).
 */
public final class RecordMatch {

    private static final String TRIGGER_PREFIX = "record.";

    private final Condition condition;
    private final JsonNode definition;
    private final FormulaContext trigger;

    RecordMatch(Condition condition, JsonNode definition, FormulaContext trigger) {
        this.condition = condition;
        this.definition = definition;
        this.trigger = trigger;
    }

    public boolean matches(FormulaContext candidate) {
        return condition.test(new FormulaContext() {
            @Override
            public boolean has(String path) {
                return path.startsWith(TRIGGER_PREFIX) ? trigger.has(path.substring(TRIGGER_PREFIX.length()))
                        : candidate.has(path);
            }

            @Override
            public Object value(String path) {
                return path.startsWith(TRIGGER_PREFIX) ? trigger.value(path.substring(TRIGGER_PREFIX.length()))
                        : candidate.value(path);
            }

            @Override
            public LocalDate today() {
                return candidate.today();
            }
        });
    }

    /** The condition as the definition writes it, for showing a simulated effect. */
    @JsonValue
    public JsonNode condition() {
        return definition;
    }

    @Override
    public String toString() {
        return definition.toString();
    }
}
