package io.mosaic.form.store;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.mosaic.form.model.FieldModel;

/**
 * One page of a form's records.
 *
 * @param filters    all must hold
 * @param sort       a field key or {@code id}, {@code created_at}, {@code updated_at}; null means {@code id}
 * @param descending newest (largest) first, the default
 * @param pageSize   1 to {@link #MAX_PAGE_SIZE}
 * @param after      the {@link Page#nextCursor()} of the previous page, or null for the first
 * @param rows       the caller's row scope
 * @param hidden     field keys the caller may not see: left out of the records, refused in filters and sort
 */
public record ListQuery(List<Filter> filters, String sort, boolean descending, int pageSize, String after,
                        RowFilter rows, Set<String> hidden) {

    public static final int MAX_PAGE_SIZE = 200;

    public ListQuery {
        filters = List.copyOf(filters);
        hidden = Set.copyOf(hidden);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("pageSize", "The page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Newest first, every record, nothing hidden. */
    public static ListQuery firstPage(int pageSize) {
        return new ListQuery(List.of(), null, true, pageSize, null, RowFilter.ALL, Set.of());
    }

    public ListQuery withFilters(Filter... more) {
        return new ListQuery(List.of(more), sort, descending, pageSize, after, rows, hidden);
    }

    public ListQuery sortedBy(String field, boolean newestFirst) {
        return new ListQuery(filters, field, newestFirst, pageSize, after, rows, hidden);
    }

    public ListQuery after(String cursor) {
        return new ListQuery(filters, sort, descending, pageSize, cursor, rows, hidden);
    }

    public ListQuery scoped(RowFilter rowFilter, Set<String> hiddenFields) {
        return new ListQuery(filters, sort, descending, pageSize, after, rowFilter, hiddenFields);
    }

    /** A condition on one field; {@code value} is text as a query string carries it ({@code 2026-11-24}, {@code 12.5}). */
    public record Filter(String field, Op op, String value) {

        /** A lookup's condition on its target as a list filter (the schema allows only the operators of {@link Op}). */
        public static Filter of(FieldModel.LookupFilter condition) {
            return new Filter(condition.field(), Op.valueOf(condition.op().toUpperCase(Locale.ROOT)), condition.value());
        }

        public static List<Filter> of(List<FieldModel.LookupFilter> conditions) {
            return conditions.stream().map(Filter::of).toList();
        }
    }

    public enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        /** Text that contains the value; {@code %} and {@code _} in the value are plain characters. */
        CONTAINS("LIKE");

        final String sql;

        Op(String sql) {
            this.sql = sql;
        }
    }
}
