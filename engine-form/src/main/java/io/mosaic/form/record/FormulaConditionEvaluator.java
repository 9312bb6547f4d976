package io.mosaic.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.formula.FormulaException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides {@code visibleWhen} / {@code requiredWhen} with the formula language over the submitted record. In a
 * sub-table row a plain name is first a column of that row, then a field of the record; {@code lines.amount} is
 * the column over all rows. A member the record leaves out is blank: FormKind has already checked that every
 * name is a field. A condition holds only when it gives TRUE; one that fails on this record's values (text
 * compared with a number, a lookup's field the record does not carry) does not hold, so a mistyped value makes
 * a field optional rather than the whole request fail.
 */
public final class FormulaConditionEvaluator implements ConditionEvaluator {

    /** Conditions come from published definitions, so this holds one entry per distinct condition text. */
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();
    private final Clock clock;

    public FormulaConditionEvaluator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean holds(String expression, JsonNode record, JsonNode row) {
        try {
            return Boolean.TRUE.equals(parsed.computeIfAbsent(expression, Formula::parse)
                    .evaluate(new RecordContext(record, row, clock)));
        } catch (FormulaException doesNotHold) {
            return false;
        }
    }

    private record RecordContext(JsonNode record, JsonNode row, Clock clock) implements FormulaContext {

        @Override
        public boolean has(String path) {
            int dot = path.indexOf('.');
            return dot < 0 || record.path(path.substring(0, dot)).isArray();
        }

        @Override
        public Object value(String path) {
            int dot = path.indexOf('.');
            if (dot < 0) {
                return FormulaValue.of(row != null && row.has(path) ? row.get(path) : record.path(path));
            }
            String column = path.substring(dot + 1);
            List<Object> values = new ArrayList<>();
            record.get(path.substring(0, dot)).forEach(r -> values.add(FormulaValue.of(r.path(column))));
            return values;
        }

        @Override
        public LocalDate today() {
            return LocalDate.now(clock);
        }

    }
}
