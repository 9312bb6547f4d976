package io.mosaic.api.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one user may do with one form, all of the user's roles taken together.
 *
 * @param actions   allowed actions; empty when the user may not touch the form
 * @param rowScopes the union of row scopes granted; {@link RowScope#ALL} means no row filter
 * @param fields    per-field access for fields that are not simply editable
 * @param orgIds    the organisation units whose records {@code OWN_ORG} / {@code ORG_SUBTREE} reach
 * @param filtered  row scopes granted with conditions on their rows, each only with its own conditions
 */
public record FormPermission(Set<FormAction> actions, Set<RowScope> rowScopes, Map<String, FieldAccess> fields,
                             Set<Long> orgIds, List<FilteredScope> filtered) {

    public FormPermission {
        actions = Set.copyOf(actions);
        rowScopes = Set.copyOf(rowScopes);
        fields = Map.copyOf(fields);
        orgIds = Set.copyOf(orgIds);
        filtered = List.copyOf(filtered);
    }

    /** Without row conditions. */
    public FormPermission(Set<FormAction> actions, Set<RowScope> rowScopes, Map<String, FieldAccess> fields,
                          Set<Long> orgIds) {
        this(actions, rowScopes, fields, orgIds, List.of());
    }

    /** A row scope of one grant with the conditions its rows must meet. */
    public record FilteredScope(RowScope scope, List<RowCondition> conditions) {
        public FilteredScope {
            conditions = List.copyOf(conditions);
        }
    }

    public static FormPermission none() {
        return new FormPermission(Set.of(), Set.of(), Map.of(), Set.of());
    }

    public boolean allows(FormAction action) {
        return actions.contains(action);
    }

    public FieldAccess field(String fieldKey) {
        return fields.getOrDefault(fieldKey, FieldAccess.EDITABLE);
    }

    public boolean seesAllRows() {
        return rowScopes.contains(RowScope.ALL);
    }
}
