package io.mosaic.runtime.security.role;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowCondition;
import io.mosaic.api.security.RowScope;

/**
 * What one role may do with one form of one app.
 *
 * @param form   form key, or {@link #ALL_FORMS} for every form of the app (a grant for the form itself wins over it)
 * @param fields    fields that are not simply editable
 * @param rowFilter conditions every row the grant gives must meet (empty: none)
 */
public record RoleGrant(String app, String form, Set<FormAction> actions, RowScope rowScope,
                        Map<String, FieldAccess> fields, List<RowCondition> rowFilter) {

    public static final String ALL_FORMS = "*";

    public RoleGrant {
        actions = Set.copyOf(actions);
        fields = Map.copyOf(fields);
        rowFilter = rowFilter == null ? List.of() : List.copyOf(rowFilter);
    }

    /** Without row conditions. */
    public RoleGrant(String app, String form, Set<FormAction> actions, RowScope rowScope, Map<String, FieldAccess> fields) {
        this(app, form, actions, rowScope, fields, List.of());
    }
}
