package io.mosaic.form.formula;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** See {@link FormulaContext#of}; formula.js resolves paths by the same rules. */
final class MapContext implements FormulaContext {

    private final Map<String, ?> values;
    private final Clock clock;

    MapContext(Map<String, ?> values, Clock clock) {
        this.values = values;
        this.clock = clock;
    }

    @Override
    public boolean has(String path) {
        if (values.containsKey(path)) {
            return true;
        }
        int dot = path.indexOf('.');
        if (dot < 0 || !values.containsKey(path.substring(0, dot))) {
            return false;
        }
        Object head = values.get(path.substring(0, dot));
        String rest = path.substring(dot + 1);
        return head == null || head instanceof List<?> || head instanceof Map<?, ?> map && map.containsKey(rest);
    }

    @Override
    public Object value(String path) {
        if (values.containsKey(path)) {
            return values.get(path);
        }
        int dot = path.indexOf('.');
        Object head = values.get(path.substring(0, dot));
        String rest = path.substring(dot + 1);
        if (head instanceof Map<?, ?> record) {
            return record.get(rest);
        }
        if (head instanceof List<?> rows) {
            List<Object> column = new ArrayList<>(rows.size());
            for (Object row : rows) {
                column.add(row instanceof Map<?, ?> cells ? cells.get(rest) : null);
            }
            return column;
        }
        return null;
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
