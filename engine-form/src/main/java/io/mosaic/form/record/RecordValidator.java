package io.mosaic.form.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.JsonSchemas;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks submitted records of one form version: first against the compiled {@link RecordSchema},
 * then what a schema cannot say — {@code visibleWhen} / {@code requiredWhen} conditions. Immutable
 * and thread-safe; compile once per published version (see {@link RecordValidators}).
 *
 * <p>An update is checked as the whole record it will produce (stored values merged with the
 * change). Uniqueness and lookup targets need the database and are checked by storage, which
 * reports them with {@link ErrorCode#UNIQUE} and {@link ErrorCode#LOOKUP_NOT_FOUND}.
 */
public final class RecordValidator {

    /** A record is an object of sub-tables of rows of files: a handful of levels; anything deeper is hostile. */
    public static final int MAX_NESTING_DEPTH = 16;

    /**
     * Digits a number may have before or after the point. No column holds more, and the bound keeps
     * exact arithmetic on values like {@code 1e999999999} (a billion-digit quotient) from ever starting.
     */
    public static final int MAX_NUMBER_DIGITS = 40;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            // Exact decimals: money must not pass through binary floating point.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final RecordSchema schema;
    private final JsonSchema compiled;
    private final ConditionEvaluator conditions;

    private RecordValidator(RecordSchema schema, ConditionEvaluator conditions) {
        this.schema = schema;
        this.conditions = conditions;
        this.compiled = JsonSchemas.FACTORY.getSchema(schema.tree(), JsonSchemas.CONFIG);
        this.compiled.initializeValidators();
    }

    /**
     * @param conditions decides {@code visibleWhen} / {@code requiredWhen}; may be {@code null} only
     *                   when no field of the form has a condition
     */
    public static RecordValidator compile(RecordSchema schema, ConditionEvaluator conditions) {
        if (conditions == null && hasConditions(schema.form().fields())) {
            throw new IllegalArgumentException("Form '" + schema.form().key()
                    + "' has visibleWhen/requiredWhen conditions but no condition evaluator was given");
        }
        return new RecordValidator(schema, conditions);
    }

    public RecordSchema schema() {
        return schema;
    }

    /**
     * The record text read with the bounds {@link #validate(String, Locale)} applies, for callers
     * (storage merging an update) that need the tree; text it refuses is better reported by validate.
     */
    public static JsonNode parse(String record) throws JsonProcessingException {
        return JSON.readTree(record);
    }

    /** Parses the record text (nesting, duplicate members and number sizes bounded) and validates it. */
    public List<RecordError> validate(String record, Locale locale) {
        JsonNode tree;
        try {
            tree = record == null ? null : parse(record);
        } catch (StreamConstraintsException e) {
            // Jackson signals every exceeded limit with this one type; only its text tells which.
            boolean nesting = e.getMessage() != null && e.getMessage().contains("nesting depth");
            return List.of(new Messages(schema, locale).error("", nesting ? ErrorCode.TOO_DEEP : ErrorCode.TOO_LARGE, null));
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (tree == null || tree.isMissingNode()) {
            return List.of(new Messages(schema, locale).error("", ErrorCode.INVALID_JSON, null));
        }
        return validate(tree, locale);
    }

    /** Validates a record already parsed; errors come in the language of {@code locale}. */
    public List<RecordError> validate(JsonNode record, Locale locale) {
        Messages messages = new Messages(schema, locale);
        List<RecordError> errors = new ArrayList<>();
        outOfRangeNumbers(record, "", messages, errors);
        if (!errors.isEmpty()) {
            return List.copyOf(errors);
        }
        // One error per value: ["a"] for a select breaks both type and enum, but "wrong type" says it all.
        Map<String, RecordError> byPointer = new LinkedHashMap<>();
        for (ValidationMessage message : compiled.validate(record)) {
            RecordError error = messages.toError(message);
            byPointer.merge(error.pointer(), error, (first, next) -> outranks(next, first) ? next : first);
        }
        errors.addAll(byPointer.values());
        // Conditions are formulas over the values; they only get values of the declared types.
        if (errors.isEmpty() && conditions != null) {
            checkConditions(schema.form().fields(), record, null, "", messages, errors);
        }
        return List.copyOf(errors);
    }

    private static boolean outranks(RecordError next, RecordError first) {
        return !isBasic(first) && isBasic(next);
    }

    /** A missing value or one of the wrong type, which makes any finer problem of the same value moot. */
    private static boolean isBasic(RecordError error) {
        return error.code().equals(ErrorCode.REQUIRED.code()) || error.code().equals(ErrorCode.TYPE.code());
    }

    private static void outOfRangeNumbers(JsonNode node, String at, Messages messages, List<RecordError> errors) {
        if (node.isNumber()) {
            // A tree built elsewhere may hold binary floating point, where 1e400 is already Infinity.
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                errors.add(messages.error(at, ErrorCode.OUT_OF_RANGE, null));
                return;
            }
            BigDecimal value = node.decimalValue();
            if (value.precision() - value.scale() > MAX_NUMBER_DIGITS || value.scale() > MAX_NUMBER_DIGITS) {
                errors.add(messages.error(at, ErrorCode.OUT_OF_RANGE, null));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                outOfRangeNumbers(node.get(i), at + "/" + i, messages, errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                outOfRangeNumbers(member.getValue(), JsonSchemaDefinitionKind.pointer(at, member.getKey()), messages, errors);
            }
        }
    }

    /** A hidden field is never required; a visible one is when it is marked so or its requiredWhen holds. */
    private void checkConditions(List<FieldModel> fields, JsonNode record, JsonNode row, String at,
                                 Messages messages, List<RecordError> errors) {
        JsonNode values = row == null ? record : row;
        for (FieldModel field : fields) {
            JsonNode value = values.path(field.key());
            String pointer = at + "/" + field.key();
            if (field.visibleWhen() != null || field.requiredWhen() != null) {
                boolean visible = field.visibleWhen() == null || conditions.holds(field.visibleWhen(), record, row);
                boolean required = visible && (field.required()
                        || field.requiredWhen() != null && conditions.holds(field.requiredWhen(), record, row));
                if (required && isEmpty(value)) {
                    errors.add(messages.error(pointer, ErrorCode.REQUIRED, null));
                }
            }
            if (field.type() == FieldType.SUBTABLE && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    checkConditions(field.columns(), record, value.get(i), pointer + "/" + i, messages, errors);
                }
            }
        }
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isMissingNode() || value.isNull()
                || value.isTextual() && value.asText().isEmpty()
                || value.isContainerNode() && value.isEmpty();
    }

    private static boolean hasConditions(List<FieldModel> fields) {
        return fields.stream().anyMatch(f -> f.visibleWhen() != null || f.requiredWhen() != null
                || hasConditions(f.columns()));
    }
}
