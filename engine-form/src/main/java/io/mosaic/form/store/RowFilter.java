package io.mosaic.form.store;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which records a caller may see, as the runtime derives it from the user's data scope; storage
 * adds it to every read and list so that a record outside the scope is simply not found.
 */
public sealed interface RowFilter {

    /** Every record. */
    RowFilter ALL = new All();

    static RowFilter ownerIn(Set<Long> userIds) {
        return new OwnerIn(Set.copyOf(userIds));
    }

    static RowFilter orgIn(Set<Long> orgIds) {
        return new OrgIn(Set.copyOf(orgIds));
    }

    static RowFilter dealer(String dealerId) {
        return new Dealer(dealerId);
    }

    /** Records every one of {@code filters} lets through: a grant's row scope and the conditions it puts on its rows. */
    static RowFilter allOf(List<RowFilter> filters) {
        return new AllOf(List.copyOf(filters));
    }

    /**
     * Records whose field {@code field} (a column of the form table) equals {@code value}, or with {@code contains}
     * holds it among its values (a multi-select kept as a JSON array); with {@code orBlank} a blank field passes too. A
     * null {@code value} (the reader has none to compare) lets only the blank ones through, if any.
     */
    static RowFilter field(String field, boolean contains, Object value, boolean orBlank) {
        return new FieldIs(field, contains, value, orBlank);
    }

    /** Records any of {@code filters} lets through, as several row scopes granted by several roles add up. */
    static RowFilter anyOf(List<RowFilter> filters) {
        return new AnyOf(List.copyOf(filters));
    }

    record All() implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            return "1 = 1";
        }
    }

    record OwnerIn(Set<Long> userIds) implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            return in(column(alias, SystemColumns.OWNER_ID), userIds, params);
        }
    }

    record OrgIn(Set<Long> orgIds) implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            return in(column(alias, SystemColumns.ORG_ID), orgIds, params);
        }
    }

    /** Records of one dealer; a user without a dealer code ({@code null}) sees none. */
    record Dealer(String dealerId) implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            if (dealerId == null) {
                return "1 = 0";
            }
            params.add(dealerId);
            return column(alias, SystemColumns.DEALER_ID) + " = ?";
        }
    }

    /** Every record when empty. */
    record AllOf(List<RowFilter> filters) implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            return joined(filters, " AND ", "1 = 1", alias, params);
        }
    }

    record FieldIs(String field, boolean contains, Object value, boolean orBlank) implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            String column = column(alias, SqlNames.column(field));
            String blank = contains ? column + " IS NULL OR " + column + " = '[]'" : column + " IS NULL";
            if (value == null) {
                return orBlank ? blank : "1 = 0";
            }
            String test;
            if (contains) {
                String json = "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                params.add("%" + RecordStore.escapeLike(json) + "%");
                test = column + " LIKE ? ESCAPE '!'";
            } else {
                params.add(value);
                test = column + " = ?";
            }
            return orBlank ? test + " OR " + blank : test;
        }
    }

    /** None when empty. */
    record AnyOf(List<RowFilter> filters) implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            return joined(filters, " OR ", "1 = 0", alias, params);
        }
    }

    private static String joined(List<RowFilter> filters, String operator, String whenEmpty, String alias,
                                 List<Object> params) {
        if (filters.isEmpty()) {
            return whenEmpty;
        }
        return String.join(operator, filters.stream().map(f -> "(" + f.sql(alias, params) + ")").toList());
    }

    /** The predicate on the form table, with {@code ?} for each value it appends to {@code params}. */
    default String sql(List<Object> params) {
        return sql(null, params);
    }

    /**
     * The predicate on the form table known as {@code alias} in a statement that joins other tables with the same
     * system columns (a report's); {@code alias} null means the columns go unqualified.
     */
    String sql(String alias, List<Object> params);

    private static String column(String alias, String column) {
        return alias == null ? SqlNames.quote(column) : SqlNames.quote(alias) + "." + SqlNames.quote(column);
    }

    private static String in(String column, Set<Long> ids, List<Object> params) {
        if (ids.isEmpty()) {
            return "1 = 0";
        }
        params.addAll(ids);
        return column + " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
    }
}
