package io.mosaic.form.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.api.FormKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a form definition, read into immutable values so that engines (record validation,
 * table storage, formulas) work with types rather than JSON nodes.
 */
public record FormModel(String key, LocalizedText name, String titleField, List<FieldModel> fields, Scope scope) {

    /**
     * The fields whose values say whom a record belongs to for row scopes (a dealer profile belongs to its own code, an
     * order to its dealer's); null where the writer's dealer code or org unit decides.
     */
    public record Scope(String dealerField, String orgField) {
        public static final Scope WRITER = new Scope(null, null);
    }

    // Its compiled schema is reused by every read; validation is thread-safe.
    private static final FormKind KIND = new FormKind();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public FormModel {
        fields = List.copyOf(fields);
    }

    /**
     * Reads a form definition after checking it the way {@link FormKind} does on save, so the model
     * can rely on the shape (a lookup has its form, a sub-table its columns).
     *
     * @throws InvalidDefinitionException when the content is not a valid form saved under {@code key}
     */
    public static FormModel read(String key, String json) {
        List<DefinitionProblem> problems = KIND.validate(key, json);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException("Form '" + key + "'", problems);
        }
        JsonNode form;
        try {
            form = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Content that passed validation no longer parses", e);
        }
        return new FormModel(key, text(form.path("name")), textOrNull(form.path("titleField")),
                fields(form.path("fields")), new Scope(textOrNull(form.path("scope").path("dealer")),
                textOrNull(form.path("scope").path("org"))));
    }

    /** A top-level field by key. */
    public Optional<FieldModel> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    private static List<FieldModel> fields(JsonNode nodes) {
        List<FieldModel> fields = new ArrayList<>();
        nodes.forEach(node -> fields.add(field(node)));
        return fields;
    }

    private static FieldModel field(JsonNode f) {
        FieldType type = FieldType.of(f.path("type").asText()).orElseThrow();
        List<FieldModel.Option> options = new ArrayList<>();
        f.path("options").forEach(o -> options.add(new FieldModel.Option(o.path("value").asText(), text(o.path("label")))));
        List<FieldModel.LookupFilter> lookupFilter = new ArrayList<>();
        f.path("lookup").path("filter").forEach(c -> lookupFilter.add(new FieldModel.LookupFilter(
                c.path("field").asText(), c.path("op").asText(), c.path("value").asText())));
        List<String> accept = new ArrayList<>();
        f.path("accept").forEach(a -> accept.add(a.asText()));
        FieldType.FormulaResult resultType = type == FieldType.FORMULA
                ? FieldType.FormulaResult.of(f.path("resultType").asText("number")).orElseThrow() : null;
        return new FieldModel(
                f.path("key").asText(), type, text(f.path("label")),
                f.path("required").asBoolean(false), f.path("unique").asBoolean(false),
                f.path("readOnly").asBoolean(false),
                intOrNull(f.path("maxLength")), decimalOrNull(f.path("min")), decimalOrNull(f.path("max")),
                intOrNull(f.path("precision")), intOrNull(f.path("scale")), textOrNull(f.path("currency")),
                options, textOrNull(f.path("lookup").path("form")), textOrNull(f.path("lookup").path("displayField")),
                lookupFilter, fields(f.path("columns")), intOrNull(f.path("minRows")), intOrNull(f.path("maxRows")),
                textOrNull(f.path("expression")), resultType, textOrNull(f.path("pattern")),
                intOrNull(f.path("maxFiles")), intOrNull(f.path("maxSizeMb")), accept,
                textOrNull(f.path("regionLevel")), textOrNull(f.path("visibleWhen")),
                textOrNull(f.path("requiredWhen")), textOrNull(f.path("defaultExpression")));
    }

    private static LocalizedText text(JsonNode node) {
        return new LocalizedText(node.path("zh-CN").asText(), node.path("en").asText());
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.intValue() : null;
    }

    private static BigDecimal decimalOrNull(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }
}
