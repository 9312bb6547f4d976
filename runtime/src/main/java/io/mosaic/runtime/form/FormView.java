package io.mosaic.runtime.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FormModel;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.FormPermission;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;

/**
 * A published form as one user may see it, for the workspace to render: hidden fields are gone from the fields
 * and the layout, and an expression that reads a hidden field loses its text (it would name the field) and is
 * marked {@code "live": false}, since the browser could not compute it without the hidden value; the server's
 * stored result is shown instead.
 */
public final class FormView {

    private static final Pattern LOOKUP_PATH = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)\\s*");
    private static final String[] EXPRESSIONS = {"expression", "visibleWhen", "requiredWhen", "defaultExpression"};

    private FormView() {
    }

    public record View(String app, String form, int version, JsonNode definition, List<String> actions,
                List<String> readOnly) {
    }

    /**
     * @param targets the published model of another form of the app (a lookup's target), for naming what a formula
     *                reads through a lookup
     */
    public static View of(PublishedForms.Published published, ObjectNode definition,
                          Function<String, Optional<FormModel>> targets) {
        markReferences(definition.path("fields"), definition.path("fields"), targets);
        definition.path("fields").forEach(field -> markReferences(field.path("columns"), definition.path("fields"), targets));
        FormPermission permission = published.permission();
        Set<String> hidden = new HashSet<>();
        List<String> readOnly = new ArrayList<>();
        permission.fields().forEach((key, access) -> {
            if (access == FieldAccess.HIDDEN) {
                hidden.add(key);
            } else if (access == FieldAccess.READ_ONLY) {
                readOnly.add(key);
            }
        });
        if (!hidden.isEmpty()) {
            ArrayNode fields = (ArrayNode) definition.path("fields");
            for (Iterator<JsonNode> it = fields.iterator(); it.hasNext(); ) {
                if (hidden.contains(it.next().path("key").asText())) {
                    it.remove();
                }
            }
            fields.forEach(field -> {
                blindExpressions((ObjectNode) field, hidden);
                field.path("columns").forEach(column -> blindExpressions((ObjectNode) column, hidden));
            });
            if (definition.path("titleField").isTextual() && hidden.contains(definition.path("titleField").asText())) {
                definition.remove("titleField");
            }
            definition.path("layout").path("tabs").forEach(tab -> tab.path("sections").forEach(s -> unplace(s, hidden)));
            definition.path("layout").path("sections").forEach(section -> unplace(section, hidden));
        }
        List<String> actions = new ArrayList<>();
        for (FormAction action : FormAction.values()) {
            if (permission.allows(action)) {
                actions.add(action.name().toLowerCase(Locale.ROOT));
            }
        }
        return new View(published.app(), published.form(), published.version(), definition, actions, readOnly);
    }

    /**
     * Marks a formula that reads a user or org field through a lookup ({@code region.manager}) with
     * {@code "refersTo": {"type": "user"}}: its stored value is an id, which the workspace shows by name.
     */
    private static void markReferences(JsonNode fields, JsonNode topLevel, Function<String, Optional<FormModel>> targets) {
        for (JsonNode field : fields) {
            Matcher path = LOOKUP_PATH.matcher(field.path("expression").asText());
            if (!"formula".equals(field.path("type").asText()) || !path.matches()) {
                continue;
            }
            Optional<String> targetForm = lookupForm(fields, path.group(1)).or(() -> lookupForm(topLevel, path.group(1)));
            targetForm.flatMap(targets).flatMap(model -> model.field(path.group(2)))
                    .filter(target -> target.type() == FieldType.USER || target.type() == FieldType.ORG)
                    .ifPresent(target -> ((ObjectNode) field).putObject("refersTo").put("type", target.type().key()));
        }
    }

    private static Optional<String> lookupForm(JsonNode fields, String key) {
        for (JsonNode field : fields) {
            if (key.equals(field.path("key").asText()) && "lookup".equals(field.path("type").asText())) {
                return Optional.of(field.path("lookup").path("form").asText());
            }
        }
        return Optional.empty();
    }

    private static void blindExpressions(ObjectNode field, Set<String> hidden) {
        for (String member : EXPRESSIONS) {
            if (field.path(member).isTextual() && readsAny(field.path(member).asText(), hidden)) {
                field.remove(member);
                field.put("live", false);
            }
        }
    }

    /** Whether an expression reads a hidden field, itself or through it (a lookup's or a sub-table's members). */
    private static boolean readsAny(String expression, Set<String> hidden) {
        try {
            return Formula.parse(expression).references().stream()
                    .anyMatch(path -> hidden.contains(path.contains(".") ? path.substring(0, path.indexOf('.')) : path));
        } catch (FormulaException e) {
            return true;
        }
    }

    private static void unplace(JsonNode section, Set<String> hidden) {
        ArrayNode rows = (ArrayNode) section.path("rows");
        for (Iterator<JsonNode> it = rows.iterator(); it.hasNext(); ) {
            ArrayNode row = (ArrayNode) it.next();
            for (Iterator<JsonNode> cells = row.iterator(); cells.hasNext(); ) {
                if (hidden.contains(cells.next().asText())) {
                    cells.remove();
                }
            }
            if (row.isEmpty()) {
                it.remove();
            }
        }
    }
}
