package io.mosaic.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<String, String> definitions = listedDefinitions(app.path("definitions"), problems);
        Set<String> roles = checkRoles(app.path("roles"), definitions, problems);
        checkMenus(app.path("menus"), "/menus", definitions, roles, new HashMap<>(), problems);
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

    /** Pointer of each listed definition by "kind/key"; a second listing of one definition is a problem. */
    private static Map<String, String> listedDefinitions(JsonNode definitions, List<DefinitionProblem> problems) {
        Map<String, String> listed = new HashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            JsonNode ref = definitions.get(i);
            String at = "/definitions/" + i;
            String previous = listed.putIfAbsent(ref(ref), at);
            if (previous != null) {
                problems.add(DefinitionProblem.at(at, "The " + ref.path("kind").asText() + " '"
                        + ref.path("key").asText() + "' is already listed at " + previous));
            }
        }
        return listed;
    }

    private static Set<String> checkRoles(JsonNode roles, Map<String, String> definitions,
                                          List<DefinitionProblem> problems) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < roles.size(); i++) {
            JsonNode role = roles.get(i);
            String at = "/roles/" + i;
            unique(seen, role.path("key").asText(), at + "/key", "role", problems);
            JsonNode grants = role.path("grants");
            for (int g = 0; g < grants.size(); g++) {
                checkGrant(grants.get(g), at + "/grants/" + g, definitions, problems);
            }
        }
        return seen.keySet();
    }

    private static void checkGrant(JsonNode grant, String at, Map<String, String> definitions,
                                   List<DefinitionProblem> problems) {
        String form = grant.path("form").asText();
        if (!ALL_FORMS.equals(form) && !definitions.containsKey("form/" + form)) {
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

    private static void checkMenus(JsonNode menus, String at, Map<String, String> definitions, Set<String> roles,
                                   Map<String, String> seen, List<DefinitionProblem> problems) {
        for (int i = 0; i < menus.size(); i++) {
            JsonNode menu = menus.get(i);
            String menuAt = at + "/" + i;
            unique(seen, menu.path("key").asText(), menuAt + "/key", "menu", problems);
            JsonNode target = menu.path("target");
            if (target.isObject() && !definitions.containsKey(ref(target))) {
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

    private static void unique(Map<String, String> seen, String key, String at, String what,
                               List<DefinitionProblem> problems) {
        String previous = seen.putIfAbsent(key, at);
        if (previous != null) {
            problems.add(DefinitionProblem.at(at, "The " + what + " key '" + key + "' is already used at " + previous));
        }
    }

    private static String ref(JsonNode ref) {
        return ref.path("kind").asText() + "/" + ref.path("key").asText();
    }
}
