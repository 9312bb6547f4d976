package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values as rules compare them, the same kinds the formula language knows: blank ({@code null}), text,
 * {@link BigDecimal}, {@link Boolean}, {@link LocalDate}, and lists for sub-table columns and multi-selects.
 */
final class RuleValues {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private RuleValues() {
    }

    static Object normalize(Object value) {
        if (value == null || value instanceof Boolean || value instanceof LocalDate || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof String text) {
            if (text.isEmpty()) {
                return null;
            }
            LocalDate date = isoDate(text);
            return date != null ? date : text;
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Collection<?> list) {
            List<Object> normalized = new ArrayList<>(list.size());
            list.forEach(element -> normalized.add(normalize(element)));
            return normalized;
        }
        if (value instanceof JsonNode node) {
            return normalize(fromJson(node));
        }
        return value.toString();
    }

    /** A JSON literal of a definition as a plain Java value: numbers as BigDecimal, arrays as lists. */
    static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(fromJson(element)));
            return list;
        }
        return node.asText();
    }

    /** A value as an effect carries it to the runtime: JSON-friendly, so dates become ISO text. */
    static Object forEffect(Object value) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(element -> converted.add(forEffect(element)));
            return converted;
        }
        return value;
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal number) {
            return ((BigDecimal) forEffect(number)).toPlainString();
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            list.forEach(element -> parts.add(text(element)));
            return String.join(", ", parts);
        }
        return value.toString();
    }

    static boolean isBlank(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty();
    }

    static boolean same(Object a, Object b) {
        Integer order = compare(a, b);
        return order != null && order == 0;
    }

    /**
     * Orders two normalized scalars as the formula language does: a blank stands for the other side's 0, empty
     * text or FALSE; values of different kinds (and a blank against a date) are not comparable, giving null.
     */
    static Integer compare(Object a, Object b) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null) {
            Integer reversed = compare(b, null);
            return reversed == null ? null : -reversed;
        }
        if (b == null) {
            b = blankLike(a);
            if (b == null) {
                return null;
            }
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return null;
    }

    private static Object blankLike(Object value) {
        if (value instanceof BigDecimal) {
            return BigDecimal.ZERO;
        }
        if (value instanceof String) {
            return "";
        }
        if (value instanceof Boolean) {
            return Boolean.FALSE;
        }
        return null;
    }

    static LocalDate isoDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException notADate) {
            return null;
        }
    }
}
