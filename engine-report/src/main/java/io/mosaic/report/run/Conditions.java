package io.mosaic.report.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A filter as a predicate on its field's column, with every value bound: operators by the field's type, dates
 * compared by whole days (a date-time's day too), relative periods from the query's today.
 */
final class Conditions {

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "gte", "lt", "lte");
    private static final Set<String> OPS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "contains",
            "empty", "not_empty", "between", "relative");
    private static final int MAX_VALUES = 1000;

    private Conditions() {
    }

    /**
     * @param relative the relative period of a dataset filter, or null to read it from {@code value}
     *                 ({@code this_month}, {@code last_n_days:30})
     * @throws DatasetQueryException naming {@code pointer} when the operator or value does not fit the field
     */
    static String sql(FieldRef field, String op, JsonNode value, String relative, Integer days, LocalDate today,
                      List<Object> params, String pointer) {
        if (!OPS.contains(op)) {
            throw DatasetQueryException.invalid(pointer + "/op", "Unknown operator '" + op + "'; use one of "
                    + String.join(", ", new TreeSet<>(OPS)));
        }
        String column = field.sql();
        ValueType type = field.type();
        if (op.equals("empty") || op.equals("not_empty")) {
            boolean text = type == ValueType.TEXT || type == ValueType.JSON;
            if (op.equals("empty")) {
                return text ? "(" + column + " IS NULL OR " + column + " = '')" : column + " IS NULL";
            }
            return text ? "(" + column + " IS NOT NULL AND " + column + " <> '')" : column + " IS NOT NULL";
        }
        if (type == ValueType.JSON) {
            throw DatasetQueryException.invalid(pointer + "/op", "The field '" + field.path() + "' holds several "
                    + "values; filter it only by empty or not_empty");
        }
        if (op.equals("relative")) {
            return period(field, relativePeriod(value, relative, days, today, pointer), params);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw DatasetQueryException.invalid(pointer + "/value", "The operator " + op + " needs a value");
        }
        if (op.equals("contains")) {
            if (type != ValueType.TEXT) {
                throw DatasetQueryException.invalid(pointer + "/op", "contains works on text; '" + field.path()
                        + "' is not text");
            }
            params.add("%" + escapeLike(value.asText().toLowerCase(Locale.ROOT)) + "%");
            return "LOWER(" + column + ") LIKE ? ESCAPE '!'";
        }
        if (op.equals("between")) {
            if (!value.isArray() || value.size() != 2) {
                throw DatasetQueryException.invalid(pointer + "/value", "between takes two values, from and to");
            }
            if (type.isDate()) {
                LocalDate from = date(value.get(0), pointer);
                LocalDate to = date(value.get(1), pointer);
                return period(field, Period.days(from, to.plusDays(1)), params);
            }
            params.add(scalar(field, value.get(0), pointer));
            params.add(scalar(field, value.get(1), pointer));
            return column + " >= ? AND " + column + " <= ?";
        }
        if (op.equals("in") || op.equals("not_in")) {
            List<JsonNode> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(values::add);
            } else {
                values.add(value);
            }
            if (values.isEmpty() || values.size() > MAX_VALUES) {
                throw DatasetQueryException.invalid(pointer + "/value", op + " takes 1 to " + MAX_VALUES + " values");
            }
            String target = type.isDate() ? "CAST(" + column + " AS DATE)" : column;
            for (JsonNode item : values) {
                params.add(type.isDate() ? date(item, pointer) : scalar(field, item, pointer));
            }
            return target + (op.equals("in") ? " IN (" : " NOT IN (")
                    + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
        }
        if (!COMPARISONS.contains(op)) {
            throw new IllegalStateException(op);
        }
        if (type.isDate()) {
            LocalDate day = date(value, pointer);
            switch (op) {
                case "eq":
                    return period(field, Period.days(day, day.plusDays(1)), params);
                case "ne":
                    params.add(bound(field, day));
                    params.add(bound(field, day.plusDays(1)));
                    return "(" + column + " < ? OR " + column + " >= ?)";
                case "gt":
                    params.add(bound(field, day.plusDays(1)));
                    return column + " >= ?";
                case "gte":
                    params.add(bound(field, day));
                    return column + " >= ?";
                case "lt":
                    params.add(bound(field, day));
                    return column + " < ?";
                default:
                    params.add(bound(field, day.plusDays(1)));
                    return column + " < ?";
            }
        }
        params.add(scalar(field, value, pointer));
        String symbol = switch (op) {
            case "eq" -> "=";
            case "ne" -> "<>";
            case "gt" -> ">";
            case "gte" -> ">=";
            case "lt" -> "<";
            default -> "<=";
        };
        return column + " " + symbol + " ?";
    }

    /** {@code field} within {@code period}: from its first day up to, not including, its end. */
    static String period(FieldRef field, Period period, List<Object> params) {
        params.add(bound(field, period.start()));
        params.add(bound(field, period.end()));
        return field.sql() + " >= ? AND " + field.sql() + " < ?";
    }

    /** The period of a relative filter, or null when {@code op} is none. */
    static Period relativePeriod(JsonNode value, String relative, Integer days, LocalDate today, String pointer) {
        String name = relative;
        Integer n = days;
        if (name == null) {
            String text = value == null ? "" : value.asText();
            int colon = text.indexOf(':');
            name = colon < 0 ? text : text.substring(0, colon);
            if (colon >= 0) {
                try {
                    n = Integer.parseInt(text.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw DatasetQueryException.invalid(pointer + "/value", "The days of '" + text
                            + "' are not a whole number");
                }
            }
        }
        if (!Set.of("today", "this_week", "this_month", "this_quarter", "this_year", "last_n_days",
                "previous_period").contains(name)) {
            throw DatasetQueryException.invalid(pointer + "/value", "Unknown relative period '" + name + "'; use "
                    + "today, this_week, this_month, this_quarter, this_year, last_n_days:N or previous_period[:N]");
        }
        if ("last_n_days".equals(name) && (n == null || n < 1 || n > 3660)) {
            throw DatasetQueryException.invalid(pointer + "/value", "last_n_days needs 1 to 3660 days");
        }
        return Period.relative(name, n, today);
    }

    /** A date bound as the column compares it: a DATE to a date, a DATETIME to the day's first moment. */
    static Object bound(FieldRef field, LocalDate day) {
        return field.type() == ValueType.DATETIME ? day.atStartOfDay() : day;
    }

    private static LocalDate date(JsonNode value, String pointer) {
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw DatasetQueryException.invalid(pointer + "/value", "'" + value.asText() + "' is not a date "
                    + "(yyyy-mm-dd)");
        }
    }

    private static Object scalar(FieldRef field, JsonNode value, String pointer) {
        String text = value.asText();
        try {
            switch (field.type()) {
                case NUMBER:
                    return value.isNumber() ? value.decimalValue() : new BigDecimal(text.trim());
                case REFERENCE:
                    return value.isNumber() ? value.longValue() : Long.parseLong(text.trim());
                case BOOLEAN:
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException(text);
                    }
                    return Boolean.valueOf(text);
                case TIME:
                    return LocalTime.parse(text);
                default:
                    return text;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DatasetQueryException.invalid(pointer + "/value", "'" + text + "' is not a value of '"
                    + field.path() + "' (" + field.type().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** {@code !} is the escape character: unlike a backslash it means the same in MySQL and H2 string literals. */
    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
