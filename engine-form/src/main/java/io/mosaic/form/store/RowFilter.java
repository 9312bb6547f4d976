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

    /** None when empty. */
    record AnyOf(List<RowFilter> filters) implements RowFilter {
        @Override
        public String sql(String alias, List<Object> params) {
            if (filters.isEmpty()) {
                return "1 = 0";
            }
            return String.join(" OR ", filters.stream().map(f -> "(" + f.sql(alias, params) + ")").toList());
        }
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
