package io.mosaic.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.types.Files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the validator's findings into {@link RecordError}s: our codes, the field's label in the
 * user's language and the broken limit read from the generated schema. networknt's own text is
 * never shown; it names schema keywords, not fields.
 */
final class Messages {

    private final RecordSchema schema;
    private final Locale locale;
    private final boolean chinese;

    Messages(RecordSchema schema, Locale locale) {
        this.schema = schema;
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.chinese = "zh".equals(this.locale.getLanguage());
    }

    RecordError error(String pointer, ErrorCode code, Object limit) {
        return new RecordError(pointer, code.code(), code.message(locale, place(pointer).label, limit));
    }

    RecordError toError(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        String type = message.getType();
        // "required" and "additionalProperties" report the object; point at the member itself.
        if (message.getProperty() != null && ("required".equals(type) || "additionalProperties".equals(type))) {
            pointer = JsonSchemaDefinitionKind.pointer(pointer, message.getProperty());
        }
        Place place = place(pointer);
        JsonNode limitNode = message.getSchemaNode();
        Object limit = limitNode != null && limitNode.isValueNode() ? limitNode.asText() : null;
        if (limitNode != null && limitNode.isNumber()) {
            limit = limitNode.decimalValue().stripTrailingZeros().toPlainString();
        }
        ErrorCode code = switch (type) {
            case "required" -> ErrorCode.REQUIRED;
            case "additionalProperties" -> SystemFields.NAMES.contains(message.getProperty()) && place.field == null
                    ? ErrorCode.SYSTEM_FIELD : ErrorCode.UNKNOWN_FIELD;
            case "false" -> ErrorCode.READ_ONLY;
            case "type" -> message.getInstanceNode() != null && message.getInstanceNode().isNull()
                    ? ErrorCode.REQUIRED : ErrorCode.TYPE;
            case "minLength" -> ErrorCode.REQUIRED;
            case "maxLength" -> ErrorCode.MAX_LENGTH;
            case "minimum" -> ErrorCode.MINIMUM;
            case "maximum" -> place.inFile("size") ? ErrorCode.FILE_TOO_LARGE : ErrorCode.MAXIMUM;
            case "multipleOf" -> ErrorCode.SCALE;
            case "enum" -> ErrorCode.ENUM;
            case "uniqueItems" -> ErrorCode.DUPLICATE;
            case "format" -> ErrorCode.FORMAT;
            case "pattern" -> place.inFile("name") ? ErrorCode.FILE_TYPE : ErrorCode.FORMAT;
            case "minItems" -> place.isRows() ? ErrorCode.MIN_ROWS : ErrorCode.REQUIRED;
            case "maxItems" -> place.isRows() ? ErrorCode.MAX_ROWS : ErrorCode.MAX_FILES;
            default -> ErrorCode.INVALID;
        };
        limit = switch (code) {
            case SCALE -> new BigDecimal(limit.toString()).scale();
            case FILE_TOO_LARGE -> new BigDecimal(limit.toString())
                    .divide(BigDecimal.valueOf(Files.BYTES_PER_MB)).stripTrailingZeros().toPlainString();
            case FILE_TYPE -> String.join(" ", Files.accepted(place.field));
            default -> limit;
        };
        String label = code == ErrorCode.UNKNOWN_FIELD || code == ErrorCode.SYSTEM_FIELD
                ? message.getProperty() : place.label;
        return new RecordError(pointer, code.code(), code.message(locale, label, limit));
    }

    /**
     * Which field a pointer is in, and how to name it: {@code /amount} is the field's label,
     * {@code /lines/2/quantity} "Lines row 3: Quantity", {@code /address/city} "Address (city)".
     */
    private Place place(String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return new Place(null, schema.form().name().in(locale.toLanguageTag()), List.of());
        }
        Optional<FieldModel> top = schema.form().field(tokens.get(0));
        if (top.isEmpty()) {
            return new Place(null, tokens.get(0), tokens.subList(1, tokens.size()));
        }
        FieldModel field = top.get();
        String label = label(field);
        if (field.type() != FieldType.SUBTABLE || tokens.size() < 2) {
            return new Place(field, withMember(label, tokens.subList(1, tokens.size())), tokens.subList(1, tokens.size()));
        }
        String row = chinese ? label + "第 " + rowNumber(tokens.get(1)) + " 行" : label + " row " + rowNumber(tokens.get(1));
        if (tokens.size() < 3) {
            return new Place(field, row, List.of(tokens.get(1)));
        }
        Optional<FieldModel> column = field.column(tokens.get(2));
        if (column.isEmpty()) {
            return new Place(null, tokens.get(2), List.of());
        }
        List<String> member = tokens.subList(3, tokens.size());
        return new Place(column.get(), row + (chinese ? "：" : ": ") + withMember(label(column.get()), member), member);
    }

    private String label(FieldModel field) {
        return field.label().in(locale.toLanguageTag());
    }

    /** A region's part or a file's member is named after the field: "Address (city)". */
    private String withMember(String label, List<String> member) {
        List<String> names = member.stream().filter(t -> !t.chars().allMatch(Character::isDigit)).toList();
        return names.isEmpty() ? label : label + (chinese ? "（" : " (") + String.join(".", names) + (chinese ? "）" : ")");
    }

    private static String rowNumber(String index) {
        try {
            return String.valueOf(Integer.parseInt(index) + 1);
        } catch (NumberFormatException e) {
            return index;
        }
    }

    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /**
     * @param field  the field or column the pointer is in, {@code null} when it is in none
     * @param member tokens below the field: a row index, a file's index and member, a region part
     */
    private record Place(FieldModel field, String label, List<String> member) {

        boolean inFile(String name) {
            return field != null && (field.type() == FieldType.ATTACHMENT || field.type() == FieldType.IMAGE)
                    && member.size() == 2 && member.get(1).equals(name);
        }

        boolean isRows() {
            return field != null && field.type() == FieldType.SUBTABLE && member.isEmpty();
        }
    }
}
