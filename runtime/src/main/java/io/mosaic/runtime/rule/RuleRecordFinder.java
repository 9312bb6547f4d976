package io.mosaic.runtime.rule;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.store.InvalidQueryException;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.rule.run.RecordFinder;
import io.mosaic.runtime.form.FormRecords;

/**
 * What a rule's {@code exists} condition finds: live records of a published form of the app through its list query
 * (never its table), read as the platform whatever the saver's row scope — a collision check must see the other
 * dealers' registrations, and tells the saver only what the rule's message names.
 */
@Component
class RuleRecordFinder {

    private final FormRecords records;

    RuleRecordFinder(FormRecords records) {
        this.records = records;
    }

    /** The finder for rules running on record {@code selfId} (null for one not stored yet) of an app. */
    RecordFinder of(String app, Long selfId, Clock clock) {
        return (form, where, excludeSelf, limit) -> {
            List<ListQuery.Filter> filters = new ArrayList<>();
            where.forEach(criterion -> filters.add(new ListQuery.Filter(criterion.field(), op(criterion.op()),
                    FormRecords.filterText(criterion.value()))));
            int pageSize = Math.min(limit + 1, ListQuery.MAX_PAGE_SIZE);
            List<FormulaContext> found = new ArrayList<>();
            try {
                for (ObjectNode record : records.systemStore(app, form)
                        .list(new ListQuery(filters, null, true, pageSize, null, RowFilter.ALL, Set.of())).records()) {
                    JsonNode id = record.path(SystemColumns.ID);
                    if (found.size() < limit && !(excludeSelf && selfId != null && id.asLong() == selfId)) {
                        found.add(records.factsOf(app, form, record, clock));
                    }
                }
            } catch (InvalidQueryException e) {
                throw new IllegalArgumentException("exists cannot search form '" + form + "': " + e.getMessage(), e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot search the records of form '" + form + "'", e);
            }
            return found;
        };
    }

    private static ListQuery.Op op(String op) {
        return switch (op) {
            case "gte" -> ListQuery.Op.GE;
            case "lte" -> ListQuery.Op.LE;
            default -> ListQuery.Op.valueOf(op.toUpperCase(Locale.ROOT));
        };
    }

    /** The id of the record rules run on: an update's stored record carries it, a saved one has it set. */
    static Long selfId(ObjectNode record, ObjectNode stored) {
        JsonNode id = record.has(SystemColumns.ID) ? record.get(SystemColumns.ID)
                : stored == null ? null : stored.get(SystemColumns.ID);
        return id == null || !id.canConvertToLong() ? null : id.asLong();
    }
}
