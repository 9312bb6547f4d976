package io.mosaic.runtime.security.role;

import java.util.Map;
import java.util.Set;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowScope;

/**
 * What one role may do with one form of one app.
 *
 * @param form   form key, or {@link #ALL_FORMS} for every form of the app (a grant for the form itself wins over it)
 * @param fields fields that are not simply editable
 */
public record RoleGrant(String app, String form, Set<FormAction> actions, RowScope rowScope,
                        Map<String, FieldAccess> fields) {

    public static final String ALL_FORMS = "*";

    public RoleGrant {
        actions = Set.copyOf(actions);
        fields = Map.copyOf(fields);
    }
}
