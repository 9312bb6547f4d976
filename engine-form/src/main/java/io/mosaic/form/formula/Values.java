package io.mosaic.form.formula;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The language's values: blank ({@code null}), {@link String}, {@link BigDecimal} (always at {@link #SCALE}
 * decimal places while computing), {@link Boolean}, {@link LocalDate}, and {@link Column} for a sub-table column.
 */
final class Values {

    /**
     * Every number is held at 10 decimal places, rounded half away from zero after each operation; formula.js
     * keeps numbers as integers scaled by 10^10 and rounds the same way, which is what makes both sides agree.
     */
    static final int SCALE = 10;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A sub-table column's values; only aggregates and CONCAT accept one. */
    record Column(List<Object> values) {
    }

    private Values() {
    }

    static BigDecimal number(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Turns what a context gives into a language value. */
    static Object fromContext(Object value, String path, Node at) {
        if (value instanceof List<?> list) {
            List<Object> column = new ArrayList<>(list.size());
            for (Object element : list) {
                column.add(scalarFromContext(element, path, at));
            }
            return new Column(column);
        }
        return scalarFromContext(value, path, at);
    }

    private static Object scalarFromContext(Object value, String path, Node at) {
        if (value == null || value instanceof Boolean || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof String text) {
            if (text.isEmpty()) {
                return null;
            }
            LocalDate date = isoDate(text);
            return date != null ? date : text;
        }
        if (value instanceof BigDecimal decimal) {
            return number(decimal);
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return number(new BigDecimal(value.toString()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return number(BigDecimal.valueOf(d));
            }
        }
        throw at.fail(FormulaException.Code.TYPE, "'" + path + "' holds a value a formula cannot use");
    }

    /** The date an ISO {@code yyyy-MM-dd} text names, or null if it is not one. */
    static LocalDate isoDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                    Integer.parseInt(text.substring(8, 10)));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** A single value as a caller sees it: numbers without trailing zeros. */
    static Object result(Object value) {
        return value instanceof BigDecimal number ? plain(number) : value;
    }

    static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal number) {
            return plain(number).toPlainString();
        }
        return value.toString();
    }

    static String typeName(Object value) {
        if (value == null) {
            return "blank";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "TRUE/FALSE";
        }
        if (value instanceof LocalDate) {
            return "a date";
        }
        return "a sub-table column";
    }
}
