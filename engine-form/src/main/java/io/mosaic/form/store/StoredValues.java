package io.mosaic.form.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mosaic.form.api.FieldStorage;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Record values (JSON) to JDBC parameters and back, by {@link FieldStorage}. Date-times are kept in
 * UTC in {@code DATETIME(3)} columns and given back in RFC 3339 with {@code Z}, so the instant a client
 * sent survives whatever offset it was written with.
 */
final class StoredValues {

    private StoredValues() {
    }

    static FieldStorage storage(FieldModel field) {
        return field.type() == FieldType.FORMULA ? field.resultType().storage() : field.type().storage();
    }

    /**
     * The parameter for {@code value} (a JSON value, or text from a query string or cursor).
     *
     * @throws IllegalArgumentException when text is not a value of {@code storage}
     */
    static Object toSql(FieldStorage storage, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.asText();
        try {
            return switch (storage) {
                case STRING, TEXT -> text;
                case JSON -> value.toString();
                case INTEGER, REFERENCE -> value.isIntegralNumber() ? value.longValue() : Long.parseLong(text);
                case DECIMAL -> value.isNumber() ? value.decimalValue() : new BigDecimal(text);
                case DATE -> LocalDate.parse(text);
                case DATETIME -> OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                case TIME -> LocalTime.parse(text);
                case BOOLEAN -> value.isBoolean() ? value.booleanValue() : parseBoolean(text);
                case CHILD_TABLE -> throw new IllegalArgumentException("A sub-table has no column value");
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + storage.name().toLowerCase() + " value", e);
        }
    }

    static JsonNode fromSql(FieldStorage storage, ResultSet rs, String column, ObjectMapper json) throws SQLException {
        JsonNode value = switch (storage) {
            case STRING, TEXT -> textOrNull(rs.getString(column));
            case JSON -> {
                String text = rs.getString(column);
                yield text == null ? null : readJson(json, text, column);
            }
            case INTEGER, REFERENCE -> {
                long number = rs.getLong(column);
                yield rs.wasNull() ? null : LongNode.valueOf(number);
            }
            case DECIMAL -> {
                BigDecimal number = rs.getBigDecimal(column);
                yield number == null ? null : DecimalNode.valueOf(number);
            }
            case DATE -> textOrNull(rs.getObject(column, LocalDate.class));
            case DATETIME -> {
                LocalDateTime at = rs.getObject(column, LocalDateTime.class);
                yield at == null ? null : TextNode.valueOf(at.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            case TIME -> {
                LocalTime time = rs.getObject(column, LocalTime.class);
                yield time == null ? null : TextNode.valueOf(time.format(DateTimeFormatter.ISO_LOCAL_TIME));
            }
            case BOOLEAN -> {
                boolean flag = rs.getBoolean(column);
                yield rs.wasNull() ? null : BooleanNode.valueOf(flag);
            }
            case CHILD_TABLE -> throw new IllegalArgumentException("A sub-table has no column value");
        };
        return value == null ? NullNode.getInstance() : value;
    }

    private static JsonNode textOrNull(Object value) {
        return value == null ? null : TextNode.valueOf(value.toString());
    }

    private static JsonNode readJson(ObjectMapper json, String text, String column) throws SQLException {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("Column " + column + " holds text that is not JSON", e);
        }
    }

    private static boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }
}
