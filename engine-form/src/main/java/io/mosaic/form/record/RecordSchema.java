package io.mosaic.form.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.file.FileNames;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

    /** Defaults for limits a definition may leave out; they match what the column of the type can hold. */
    static final int TEXT_MAX_LENGTH = 255;
    static final int TEXTAREA_MAX_LENGTH = 4_000;
    static final int RICHTEXT_MAX_LENGTH = 100_000;
    static final int EMAIL_MAX_LENGTH = 254;
    static final int URL_MAX_LENGTH = 2_048;
    static final int PHONE_MAX_LENGTH = 32;
    static final int REGION_PART_MAX_LENGTH = 64;
    static final int DEFAULT_PRECISION = FieldType.DEFAULT_PRECISION;
    static final int DEFAULT_MAX_ROWS = 1_000;
    static final int DEFAULT_MAX_FILES = 10;
    static final int DEFAULT_MAX_SIZE_MB = 20;
    public static final long BYTES_PER_MB = 1_048_576L;

    /** Digits, spaces, hyphens and brackets with an optional leading +: 13800138000, 010-8888 6666, +86 (21) 5555. */
    static final String PHONE_PATTERN = "^\\+?[0-9][0-9 ()-]{3,28}[0-9]$";
    static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";
    // "uri" alone admits javascript: and data: links; a record's link is for people to open.
    static final String URL_PATTERN = "^[hH][tT][tT][pP][sS]?://[^\\s]+$";
    static final String FILE_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    static final String CONTENT_TYPE_PATTERN = "^[a-z]+/[A-Za-z0-9.+-]{1,100}$";
    static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".webp");
    static final List<String> REGION_PARTS = List.of("province", "city", "district");

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

    /** Required without conditions, so the schema alone can say it. */
    static boolean requiredBySchema(FieldModel field) {
        return field.required() && !field.systemSet() && field.visibleWhen() == null;
    }

    private static ObjectNode value(FieldModel field, boolean required) {
        ObjectNode s = NODES.objectNode();
        s.put("title", field.label().en());
        switch (field.type()) {
            case TEXT -> text(s, field, TEXT_MAX_LENGTH, required);
            case TEXTAREA -> text(s, field, TEXTAREA_MAX_LENGTH, required);
            case RICHTEXT -> text(s, field, RICHTEXT_MAX_LENGTH, required);
            case EMAIL -> text(s, field, EMAIL_MAX_LENGTH, required).put("format", "email");
            case URL -> text(s, field, URL_MAX_LENGTH, required).put("format", "uri").put("pattern", URL_PATTERN);
            case PHONE -> text(s, field, PHONE_MAX_LENGTH, required).put("pattern", PHONE_PATTERN);
            case DATE -> type(s, "string", required).put("format", "date");
            case DATETIME -> type(s, "string", required).put("format", "date-time");
            case TIME -> type(s, "string", required).put("pattern", TIME_PATTERN);
            case INTEGER -> integer(s, field, required);
            case DECIMAL, MONEY, PERCENT -> decimal(s, field, required);
            case SWITCH -> type(s, "boolean", required);
            case SELECT, RADIO -> {
                type(s, "string", required);
                ArrayNode values = s.putArray("enum");
                field.optionValues().forEach(values::add);
                if (!required) {
                    values.addNull();
                }
            }
            case MULTISELECT, CHECKBOX -> {
                array(s, required ? 1 : null, null, required);
                s.put("uniqueItems", true);
                ArrayNode values = s.putObject("items").putArray("enum");
                field.optionValues().forEach(values::add);
            }
            case USER, ORG, LOOKUP -> type(s, "integer", required).put("minimum", 1).put("maximum", Long.MAX_VALUE);
            case SUBTABLE -> {
                int minRows = field.minRows() == null ? 0 : field.minRows();
                array(s, Math.max(minRows, required ? 1 : 0), field.maxRows() == null ? DEFAULT_MAX_ROWS : field.maxRows(),
                        required);
                objectOf(s.putObject("items"), field.columns());
            }
            case ATTACHMENT, IMAGE -> files(s, field, required);
            case REGION -> region(type(s, "object", required), field);
            case SERIAL, FORMULA -> throw new IllegalArgumentException(field.type() + " values are set by the platform");
        }
        return s;
    }

    /** The JSON type, and {@code null} as well when the field may be cleared. */
    private static ObjectNode type(ObjectNode s, String type, boolean required) {
        if (required) {
            s.put("type", type);
        } else {
            s.putArray("type").add(type).add("null");
        }
        return s;
    }

    private static ObjectNode text(ObjectNode s, FieldModel field, int defaultMaxLength, boolean required) {
        type(s, "string", required);
        if (required) {
            s.put("minLength", 1);
        }
        return s.put("maxLength", field.maxLength() == null ? defaultMaxLength : field.maxLength());
    }

    private static void integer(ObjectNode s, FieldModel field, boolean required) {
        type(s, "integer", required);
        s.put("minimum", field.min() == null ? BigDecimal.valueOf(Long.MIN_VALUE) : field.min());
        s.put("maximum", field.max() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : field.max());
    }

    /** Bounds default to what DECIMAL(precision, scale) holds; the scale becomes {@code multipleOf}. */
    private static void decimal(ObjectNode s, FieldModel field, boolean required) {
        int scale = scale(field);
        int precision = field.precision() == null ? DEFAULT_PRECISION : field.precision();
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal largest = BigDecimal.ONE.movePointRight(Math.max(precision - scale, 0)).subtract(step);
        type(s, "number", required);
        s.put("minimum", field.min() == null ? largest.negate() : field.min());
        s.put("maximum", field.max() == null ? largest : field.max());
        s.put("multipleOf", step);
    }

    /** Decimal places a number field keeps: as declared, else its type's default (the column's too). */
    public static int scale(FieldModel field) {
        return field.scale() != null ? field.scale() : field.type().defaultScale();
    }

    private static ObjectNode array(ObjectNode s, Integer minItems, Integer maxItems, boolean required) {
        type(s, "array", required);
        if (minItems != null && minItems > 0) {
            s.put("minItems", minItems);
        }
        if (maxItems != null) {
            s.put("maxItems", maxItems);
        }
        return s;
    }

    /** A list of references to files already in the file store: {id, name, size, contentType}. */
    private static void files(ObjectNode s, FieldModel field, boolean required) {
        array(s, required ? 1 : null, field.maxFiles() == null ? DEFAULT_MAX_FILES : field.maxFiles(), required);
        ObjectNode file = s.putObject("items");
        file.put("type", "object");
        ObjectNode properties = file.putObject("properties");
        properties.putObject("id").put("type", "string").put("pattern", FILE_ID_PATTERN);
        ObjectNode name = properties.putObject("name").put("type", "string").put("minLength", 1)
                .put("maxLength", FileNames.MAX_LENGTH);
        List<String> accept = accepted(field);
        if (!accept.isEmpty()) {
            name.put("pattern", extensionPattern(accept));
        }
        properties.putObject("size").put("type", "integer").put("minimum", 0).put("maximum", maxFileBytes(field));
        ObjectNode contentType = properties.putObject("contentType").put("type", "string")
                .put("pattern", field.type() == FieldType.IMAGE ? "^image/[A-Za-z0-9.+-]{1,100}$" : CONTENT_TYPE_PATTERN);
        contentType.put("maxLength", 255);
        file.putArray("required").add("id").add("name").add("size").add("contentType");
        file.put("additionalProperties", false);
    }

    /** Extensions a file field takes: as declared, else common image types for an image, else any (empty). */
    public static List<String> accepted(FieldModel field) {
        if (!field.accept().isEmpty()) {
            return field.accept();
        }
        return field.type() == FieldType.IMAGE ? IMAGE_EXTENSIONS : List.of();
    }

    /** The size a file of an attachment or image field may have: {@code maxSizeMb}, 20 MB when not given. */
    public static long maxFileBytes(FieldModel field) {
        return (field.maxSizeMb() == null ? DEFAULT_MAX_SIZE_MB : field.maxSizeMb()) * BYTES_PER_MB;
    }

    // Case-insensitive by letter classes: the pattern must mean the same to every JSON Schema engine (ECMA 262).
    private static String extensionPattern(List<String> extensions) {
        return "\\.(" + extensions.stream().map(e -> e.substring(1).chars()
                        .mapToObj(c -> Character.isLetter(c)
                                ? "[" + Character.toLowerCase((char) c) + Character.toUpperCase((char) c) + "]"
                                : String.valueOf((char) c))
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("|")) + ")$";
    }

    /** Province, city, district down to the field's level (district when not given); each part is required. */
    private static void region(ObjectNode s, FieldModel field) {
        String level = field.regionLevel() == null ? "district" : field.regionLevel();
        List<String> parts = REGION_PARTS.subList(0, REGION_PARTS.indexOf(level.toLowerCase(Locale.ROOT)) + 1);
        ObjectNode properties = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        for (String part : parts) {
            properties.putObject(part).put("type", "string").put("minLength", 1).put("maxLength", REGION_PART_MAX_LENGTH);
            required.add(part);
        }
        s.put("additionalProperties", false);
    }
}
