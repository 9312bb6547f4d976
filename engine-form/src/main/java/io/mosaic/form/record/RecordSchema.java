package io.mosaic.form.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.types.FieldTypes;
import io.mosaic.form.record.types.ValueSchema;
import io.mosaic.form.model.FormModel;

import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of the records of one form version: what a client may send when
 * it creates or updates a record. Generated from the definition; {@link #json()} is what the REST
 * API serves.
 *
 * <p>Decisions the schema encodes: values the platform sets (serial numbers, formulas, read-only
 * fields) are refused if sent rather than silently dropped, so a client learns at once that its
 * value would not be kept; system members (id, version, …) and unknown members are refused; an
 * optional field accepts {@code null} (clearing it), a required one does not, nor an empty string
 * or list. Fields with a {@code visibleWhen} or {@code requiredWhen} condition are never listed as
 * required here: whether they are depends on other values and is checked by {@link RecordValidator}.
 */
public final class RecordSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FormModel form;
    private final ObjectNode schema;
    private final String json;

    private RecordSchema(FormModel form) {
        this.form = form;
        this.schema = recordSchema(form);
        try {
            this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A generated schema always serialises", e);
        }
    }

    public static RecordSchema of(FormModel form) {
        return new RecordSchema(form);
    }

    /**
     * @throws io.mosaic.api.definition.InvalidDefinitionException when the definition is not a valid form
     */
    public static RecordSchema of(String formKey, String formDefinitionJson) {
        return of(FormModel.read(formKey, formDefinitionJson));
    }

    public FormModel form() {
        return form;
    }

    /** The schema as pretty-printed JSON text. */
    public String json() {
        return json;
    }

    /** The schema as a tree; a copy, so callers cannot change what validators were compiled from. */
    public JsonNode node() {
        return schema.deepCopy();
    }

    JsonNode tree() {
        return schema;
    }

    private static ObjectNode recordSchema(FormModel form) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", form.name().en());
        root.put("description", "Record of form '" + form.key() + "'");
        objectOf(root, form.fields());
        return root;
    }

    private static void objectOf(ObjectNode schema, List<FieldModel> fields) {
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (FieldModel field : fields) {
            boolean schemaRequired = requiredBySchema(field);
            properties.set(field.key(), field.systemSet() ? NODES.booleanNode(false) : value(field, schemaRequired));
            if (schemaRequired) {
                required.add(field.key());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
    }

    /**
     * Required without conditions, so the schema alone can say it. A field with a default formula may be left out:
     * storage fills it, and refuses the record when the default is blank too.
     */
    static boolean requiredBySchema(FieldModel field) {
        return field.required() && !field.systemSet() && field.visibleWhen() == null
                && field.defaultExpression() == null;
    }

    /** The value's schema, as the field's type describes it. */
    private static ObjectNode value(FieldModel field, boolean required) {
        ObjectNode s = NODES.objectNode();
        s.put("title", field.label().en());
        FieldTypes.of(field.type()).describe(new ValueSchema(s, RecordSchema::objectOf), field, required);
        return s;
    }
}
