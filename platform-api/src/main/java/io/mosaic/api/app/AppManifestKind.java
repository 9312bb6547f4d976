package io.mosaic.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.definition.UniqueKeys;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowCondition;
import io.mosaic.api.security.RowScope;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The app manifest ({@code app.json}): see docs/definitions.md. */
public final class AppManifestKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "app";

    /** Grant target meaning every form of the app. */
    public static final String ALL_FORMS = "*";

    public AppManifestKind() {
        super(KEY, "app.json", new LocalizedText("应用清单", "App manifest"), "app.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode app) {
        List<DefinitionProblem> problems = new ArrayList<>();
        checkVersions(app, problems);
        UniqueKeys definitions = listedDefinitions(app.path("definitions"), problems);
        UniqueKeys roles = checkRoles(app.path("roles"), definitions, problems);
        checkMenus(app.path("menus"), "/menus", definitions, roles, new UniqueKeys("menu", problems), problems);
        return problems;
    }

    private static void checkVersions(JsonNode app, List<DefinitionProblem> problems) {
        try {
            Semver.parse(app.path("version").asText());
        } catch (IllegalArgumentException e) {
            problems.add(DefinitionProblem.at("/version", e.getMessage()));
        }
        try {
            SemverRange.parse(app.path("platform").asText());
        } catch (IllegalArgumentException e) {
            problems.add(DefinitionProblem.at("/platform", e.getMessage()));
        }
    }

    private static UniqueKeys listedDefinitions(JsonNode definitions, List<DefinitionProblem> problems) {
        UniqueKeys listed = new UniqueKeys("definition", problems);
        for (int i = 0; i < definitions.size(); i++) {
            listed.add(ref(definitions.get(i)), "/definitions/" + i);
            if (KEY.equals(definitions.get(i).path("kind").asText())) {
                problems.add(DefinitionProblem.at("/definitions/" + i + "/kind",
                        "An app's definitions are its forms, processes, rules and reports, not another app"));
            }
        }
        return listed;
    }

    private static UniqueKeys checkRoles(JsonNode roles, UniqueKeys definitions, List<DefinitionProblem> problems) {
        UniqueKeys seen = new UniqueKeys("role", problems);
        for (int i = 0; i < roles.size(); i++) {
            JsonNode role = roles.get(i);
            String at = "/roles/" + i;
            seen.add(role.path("key").asText(), at + "/key");
            JsonNode grants = role.path("grants");
            for (int g = 0; g < grants.size(); g++) {
                checkGrant(grants.get(g), at + "/grants/" + g, definitions, problems);
            }
        }
        return seen;
    }

    private static void checkGrant(JsonNode grant, String at, UniqueKeys definitions,
                                   List<DefinitionProblem> problems) {
        String form = grant.path("form").asText();
        if (!ALL_FORMS.equals(form) && !definitions.contains("form/" + form)) {
            problems.add(DefinitionProblem.at(at + "/form", "The form '" + form
                    + "' is not listed in definitions"));
        }
        JsonNode actions = grant.path("actions");
        for (int a = 0; a < actions.size(); a++) {
            String action = actions.get(a).asText();
            if (ManifestValues.action(action).isEmpty()) {
                problems.add(DefinitionProblem.at(at + "/actions/" + a, "'" + action + "' is not an action; use one of "
                        + ManifestValues.wireNames(List.of(FormAction.values()))));
            }
        }
        String rowScope = grant.path("rowScope").asText();
        if (ManifestValues.rowScope(rowScope).isEmpty()) {
            problems.add(DefinitionProblem.at(at + "/rowScope", "'" + rowScope + "' is not a row scope; use one of "
                    + ManifestValues.wireNames(List.of(RowScope.values()))));
        }
        JsonNode rowFilter = grant.path("rowFilter");
        for (int c = 0; c < rowFilter.size(); c++) {
            String value = rowFilter.get(c).path("value").asText();
            if (!RowCondition.wellFormed(value)) {
                problems.add(DefinitionProblem.at(at + "/rowFilter/" + c + "/value", "'" + value + "' starts with $ but "
                        + "is not $form.field, a field of the reader's dealer record such as $dealer.level"));
            }
        }
        if (rowFilter.size() > 0 && ALL_FORMS.equals(form)) {
            problems.add(DefinitionProblem.at(at + "/rowFilter", "A grant on every form cannot filter rows by fields"));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = grant.path("fields").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (ManifestValues.fieldAccess(field.getValue().asText()).isEmpty()) {
                problems.add(DefinitionProblem.at(pointer(at + "/fields", field.getKey()), "'"
                        + field.getValue().asText() + "' is not a field access; use one of "
                        + ManifestValues.wireNames(ManifestValues.GRANTABLE_FIELD_ACCESS)));
            }
        }
    }

    private static void checkMenus(JsonNode menus, String at, UniqueKeys definitions, UniqueKeys roles,
                                   UniqueKeys seen, List<DefinitionProblem> problems) {
        for (int i = 0; i < menus.size(); i++) {
            JsonNode menu = menus.get(i);
            String menuAt = at + "/" + i;
            seen.add(menu.path("key").asText(), menuAt + "/key");
            JsonNode target = menu.path("target");
            if (target.isObject() && !definitions.contains(ref(target))) {
                problems.add(DefinitionProblem.at(menuAt + "/target", "The " + target.path("kind").asText() + " '"
                        + target.path("key").asText() + "' is not listed in definitions"));
            }
            JsonNode menuRoles = menu.path("roles");
            for (int r = 0; r < menuRoles.size(); r++) {
                if (!roles.contains(menuRoles.get(r).asText())) {
                    problems.add(DefinitionProblem.at(menuAt + "/roles/" + r, "The role '"
                            + menuRoles.get(r).asText() + "' is not declared in roles"));
                }
            }
            checkMenus(menu.path("children"), menuAt + "/children", definitions, roles, seen, problems);
        }
    }

    private static String ref(JsonNode ref) {
        return ref.path("kind").asText() + "/" + ref.path("key").asText();
    }
}
