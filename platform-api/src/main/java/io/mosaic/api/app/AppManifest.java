package io.mosaic.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowCondition;
import io.mosaic.api.security.RowScope;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app manifest ({@code app.json}) read into plain values, for the code that installs packs,
 * builds menus and derives permissions. See docs/definitions.md for the format.
 *
 * @param description null when the manifest has none
 * @param icon        null when the manifest has none
 */
public record AppManifest(String key, LocalizedText name, LocalizedText description, Semver version,
                          SemverRange platform, String icon, List<Role> roles, List<Menu> menus,
                          List<DefinitionRef> definitions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AppManifest {
        roles = List.copyOf(roles);
        menus = List.copyOf(menus);
        definitions = List.copyOf(definitions);
    }

    /**
     * Validates and reads a manifest.
     *
     * @throws InvalidDefinitionException with every problem when the manifest is invalid
     */
    public static AppManifest read(String content) {
        String declaredKey;
        try {
            declaredKey = JSON.readTree(content).path("key").asText();
        } catch (Exception e) {
            // The kind reports unparseable content with its line and column.
            declaredKey = "";
        }
        List<DefinitionProblem> problems = Validator.KIND.validate(declaredKey, content);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException("The app manifest", problems);
        }
        try {
            return read(JSON.readTree(content));
        } catch (Exception e) {
            throw new IllegalStateException("A validated manifest could not be read", e);
        }
    }

    private static AppManifest read(JsonNode app) {
        return new AppManifest(app.get("key").asText(), text(app.get("name")), text(app.get("description")),
                Semver.parse(app.get("version").asText()), SemverRange.parse(app.get("platform").asText()),
                textOrNull(app.get("icon")), list(app.path("roles"), AppManifest::role),
                list(app.path("menus"), AppManifest::menu), list(app.path("definitions"), AppManifest::ref));
    }

    /** Roles by key. */
    public Map<String, Role> rolesByKey() {
        Map<String, Role> byKey = new LinkedHashMap<>();
        roles.forEach(r -> byKey.put(r.key(), r));
        return byKey;
    }

    /** Whether {@code definitions} lists this definition. */
    public boolean lists(String kind, String definitionKey) {
        return definitions.contains(new DefinitionRef(kind, definitionKey));
    }

    /** A role the app defines, with what it grants on the app's forms. */
    public record Role(String key, LocalizedText name, List<Grant> grants) {
        public Role {
            grants = List.copyOf(grants);
        }
    }

    /**
     * What a role may do with one form, or with every form of the app when {@code form} is
     * {@value AppManifestKind#ALL_FORMS}.
     *
     * @param fields    access of the fields that are not simply editable
     * @param rowFilter conditions every row this grant gives must meet (empty: none)
     */
    public record Grant(String form, Set<FormAction> actions, RowScope rowScope, Map<String, FieldAccess> fields,
                        List<RowCondition> rowFilter) {
        public Grant {
            actions = Set.copyOf(actions);
            fields = Map.copyOf(fields);
            rowFilter = List.copyOf(rowFilter);
        }

        /** Without row conditions. */
        public Grant(String form, Set<FormAction> actions, RowScope rowScope, Map<String, FieldAccess> fields) {
            this(form, actions, rowScope, fields, List.of());
        }

        public boolean coversAllForms() {
            return AppManifestKind.ALL_FORMS.equals(form);
        }
    }

    /**
     * One entry of the app's menu.
     *
     * @param target the definition the entry opens, or null for a group that only holds children
     * @param roles  roles that see the entry; empty means everyone with access to the app
     */
    public record Menu(String key, LocalizedText name, String icon, DefinitionRef target, List<String> roles,
                       List<Menu> children) {
        public Menu {
            roles = List.copyOf(roles);
            children = List.copyOf(children);
        }
    }

    /** A definition of the app, named by kind key and definition key. */
    public record DefinitionRef(String kind, String key) {
    }

    private static Role role(JsonNode role) {
        return new Role(role.get("key").asText(), text(role.get("name")), list(role.path("grants"), AppManifest::grant));
    }

    private static Grant grant(JsonNode grant) {
        Set<FormAction> actions = EnumSet.noneOf(FormAction.class);
        grant.get("actions").forEach(a -> actions.add(ManifestValues.action(a.asText()).orElseThrow()));
        Map<String, FieldAccess> fields = new LinkedHashMap<>();
        grant.path("fields").fields().forEachRemaining(f ->
                fields.put(f.getKey(), ManifestValues.fieldAccess(f.getValue().asText()).orElseThrow()));
        List<RowCondition> rowFilter = new ArrayList<>();
        grant.path("rowFilter").forEach(c -> rowFilter.add(new RowCondition(c.path("field").asText(),
                c.path("op").asText(), c.path("value").asText(), c.path("orBlank").asBoolean(false))));
        return new Grant(grant.get("form").asText(), actions,
                ManifestValues.rowScope(grant.get("rowScope").asText()).orElseThrow(), fields, rowFilter);
    }

    private static Menu menu(JsonNode menu) {
        List<String> roles = new ArrayList<>();
        menu.path("roles").forEach(r -> roles.add(r.asText()));
        JsonNode target = menu.get("target");
        return new Menu(menu.get("key").asText(), text(menu.get("name")), textOrNull(menu.get("icon")),
                target == null ? null : ref(target), roles, list(menu.path("children"), AppManifest::menu));
    }

    private static DefinitionRef ref(JsonNode ref) {
        return new DefinitionRef(ref.get("kind").asText(), ref.get("key").asText());
    }

    private static LocalizedText text(JsonNode text) {
        return text == null ? null : new LocalizedText(text.get("zh-CN").asText(), text.get("en").asText());
    }

    private static String textOrNull(JsonNode node) {
        return node == null ? null : node.asText();
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        array.forEach(item -> items.add(reader.apply(item)));
        return items;
    }

    // Compiles the manifest schema on first use only.
    private static final class Validator {
        static final AppManifestKind KIND = new AppManifestKind();
    }
}
