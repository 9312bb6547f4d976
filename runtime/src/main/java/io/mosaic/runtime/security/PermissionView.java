package io.mosaic.runtime.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mosaic.api.security.FormPermission;
import io.mosaic.api.security.RowCondition;
import io.mosaic.runtime.security.role.GrantJson;

/** A {@link FormPermission} in the API's lower-case spelling, as grants are written. */
public record PermissionView(String app, String form, List<String> actions, List<String> rowScopes,
                             Map<String, String> fields, List<Long> orgIds, List<Filtered> filteredScopes) {

    /** A row scope granted with conditions on its rows. */
    public record Filtered(String rowScope, List<RowCondition> rowFilter) {
    }

    public static PermissionView of(String app, String form, FormPermission permission) {
        Map<String, String> fields = new TreeMap<>();
        permission.fields().forEach((k, v) -> fields.put(k, GrantJson.name(v)));
        return new PermissionView(app, form,
                permission.actions().stream().sorted().map(GrantJson::name).toList(),
                permission.rowScopes().stream().sorted().map(GrantJson::name).toList(),
                fields, permission.orgIds().stream().sorted().toList(),
                permission.filtered().stream().map(f -> new Filtered(GrantJson.name(f.scope()), f.conditions())).toList());
    }
}
