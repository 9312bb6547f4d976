package io.mosaic.runtime.security.role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowCondition;
import io.mosaic.api.security.RowScope;
import io.mosaic.runtime.security.InputProblems;

/**
 * A grant in the API's spelling: lower-case names ({@code "read"}, {@code "org_subtree"}, {@code "read_only"}).
 *
 * @param form   form key or {@code "*"}
 * @param fields    field key → {@code "hidden"} or {@code "read_only"}
 * @param rowFilter conditions on the rows the grant gives, as in an app manifest (null or empty: none)
 */
public record GrantJson(String app, String form, List<String> actions, String rowScope, Map<String, String> fields,
                        List<RowCondition> rowFilter) {

    /** Keys of apps, forms and fields (docs/definitions.md). */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    /** Without row conditions. */
    public GrantJson(String app, String form, List<String> actions, String rowScope, Map<String, String> fields) {
        this(app, form, actions, rowScope, fields, null);
    }

    public static GrantJson of(RoleGrant grant) {
        Map<String, String> fields = new TreeMap<>();
        grant.fields().forEach((k, v) -> fields.put(k, name(v)));
        return new GrantJson(grant.app(), grant.form(),
                grant.actions().stream().sorted().map(GrantJson::name).toList(), name(grant.rowScope()), fields,
                grant.rowFilter().isEmpty() ? null : grant.rowFilter());
    }

    /** The grant, or null with the reasons added to {@code problems} under {@code pointer}. */
    public RoleGrant parse(String pointer, InputProblems problems) {
        int known = problems.size();
        if (app == null || !KEY.matcher(app).matches()) {
            problems.add(pointer + "/app", "must be an app key");
        }
        if (form == null || !(RoleGrant.ALL_FORMS.equals(form) || KEY.matcher(form).matches())) {
            problems.add(pointer + "/form", "must be a form key or \"*\"");
        }
        Set<FormAction> parsedActions = EnumSet.noneOf(FormAction.class);
        if (actions == null || actions.isEmpty()) {
            problems.add(pointer + "/actions", "must list at least one of create, read, update, delete, export");
        } else {
            for (int i = 0; i < actions.size(); i++) {
                FormAction action = parse(FormAction.class, actions.get(i));
                if (action == null) {
                    problems.add(pointer + "/actions/" + i, "must be one of create, read, update, delete, export");
                } else {
                    parsedActions.add(action);
                }
            }
        }
        RowScope scope = parse(RowScope.class, rowScope);
        if (scope == null) {
            problems.add(pointer + "/rowScope", "must be one of own, own_org, org_subtree, own_dealer, all");
        }
        Map<String, FieldAccess> parsedFields = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((key, value) -> {
                FieldAccess access = parse(FieldAccess.class, value);
                if (!KEY.matcher(key).matches()) {
                    problems.add(pointer + "/fields/" + key, "is not a field key");
                } else if (access == null || access == FieldAccess.EDITABLE) {
                    problems.add(pointer + "/fields/" + key, "must be hidden or read_only");
                } else {
                    parsedFields.put(key, access);
                }
            });
        }
        List<RowCondition> conditions = rowFilter == null ? List.of() : rowFilter;
        for (int i = 0; i < conditions.size(); i++) {
            RowCondition condition = conditions.get(i);
            String at = pointer + "/rowFilter/" + i;
            if (condition == null || condition.field() == null || !KEY.matcher(condition.field()).matches()) {
                problems.add(at + "/field", "must be a field key");
            } else if (!RowCondition.EQ.equals(condition.op()) && !RowCondition.CONTAINS.equals(condition.op())) {
                problems.add(at + "/op", "must be eq or contains");
            } else if (condition.value() == null || condition.value().isEmpty()
                    || !RowCondition.wellFormed(condition.value())) {
                problems.add(at + "/value", "must be a value or $form.field");
            }
        }
        return problems.size() == known ? new RoleGrant(app, form, parsedActions, scope, parsedFields, conditions) : null;
    }

    /** Parses a list of grants, refusing two grants for the same app and form. */
    public static List<RoleGrant> parseAll(List<GrantJson> grants, InputProblems problems) {
        List<RoleGrant> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < grants.size(); i++) {
            GrantJson grant = grants.get(i);
            if (grant == null) {
                problems.add("/" + i, "must be a grant object");
                continue;
            }
            if (!seen.add(grant.app() + "/" + grant.form())) {
                problems.add("/" + i + "/form", "is granted twice for app " + grant.app());
            }
            parsed.add(grant.parse("/" + i, problems));
        }
        return parsed;
    }

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant named by a lower-case API name, or null when there is none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(text)) {
                return constant;
            }
        }
        return null;
    }
}
