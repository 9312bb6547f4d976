package io.mosaic.form.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.ErrorCode;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a sheet cell into the JSON value a record holds for a field, the way a person filling the sheet
 * writes it: numbers with thousands separators or a currency sign, dates as {@code 2026-11-24},
 * {@code 2026/11/24} or {@code 2026年11月24日} (or an Excel date cell), switches as 是/否, true/false, yes/no
 * or 1/0, options by value or by label in either language, several options separated by {@code ;}. A value
 * that is merely out of bounds (too long, not an option) is passed on for the record validator to name; one
 * that cannot be read as the field's type at all is a {@link Refused} with the record error code saying so.
 */
final class CellValues {

    /** Digits a number cell may carry before or after the point; beyond any column, and cheap to refuse. */
    private static final int MAX_DIGITS = 40;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；]");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> TRUE = Set.of("是", "true", "yes", "y", "1", "√");
    private static final Set<String> FALSE = Set.of("否", "false", "no", "n", "0", "×");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** A cell that is not a value of its field's type. */
    static final class Refused extends Exception {

        private final ErrorCode code;

        Refused(ErrorCode code) {
            super(code.code(), null, false, false);
            this.code = code;
        }

        ErrorCode code() {
            return code;
        }
    }

    private final ZoneId zone;

    /** @param zone where a date-time written without an offset happened */
    CellValues(ZoneId zone) {
        this.zone = zone;
    }

    /** The value for {@code field}, or null when the cell is blank (the record then leaves the field out). */
    JsonNode value(FieldModel field, SheetCell cell) throws Refused {
        if (cell.blank()) {
            return null;
        }
        String text = cell.text().strip();
        return switch (field.type()) {
            case INTEGER -> integer(number(cell, text));
            case DECIMAL, MONEY, PERCENT -> NODES.numberNode(number(cell, text));
            case USER, ORG, LOOKUP -> integer(cell.number() != null ? cell.number() : plainInteger(text));
            case DATE -> NODES.textNode(date(cell, text).toString());
            case DATETIME -> NODES.textNode(dateTime(cell, text));
            case TIME -> NODES.textNode(time(cell, text));
            case SWITCH -> NODES.booleanNode(flag(cell, text));
            case SELECT, RADIO -> NODES.textNode(option(field, text));
            case MULTISELECT, CHECKBOX -> options(field, text);
            case REGION -> region(text);
            default -> NODES.textNode(cell.text());
        };
    }

    private static BigDecimal number(SheetCell cell, String text) throws Refused {
        if (cell.number() != null) {
            return bounded(cell.number());
        }
        String plain = text.replaceAll("[\\s¥￥$€]", "");
        if (plain.endsWith("%")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        if (plain.length() > 2 * MAX_DIGITS || !PLAIN_NUMBER.matcher(plain).matches()) {
            throw new Refused(ErrorCode.TYPE);
        }
        return bounded(new BigDecimal(plain.replace(",", "")));
    }

    private static BigDecimal plainInteger(String text) throws Refused {
        if (text.length() > MAX_DIGITS || !text.matches("\\d+")) {
            throw new Refused(ErrorCode.TYPE);
        }
        return new BigDecimal(text);
    }

    /** Refuses what no column holds before anything expands it: {@code 1E+999999999} is one short cell. */
    private static BigDecimal bounded(BigDecimal number) throws Refused {
        if (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS) {
            throw new Refused(ErrorCode.OUT_OF_RANGE);
        }
        return number;
    }

    /** Whole numbers as integers; anything else as it is, for the validator to call the wrong type. */
    private static JsonNode integer(BigDecimal number) {
        BigDecimal whole = number.stripTrailingZeros();
        return whole.scale() <= 0 ? NODES.numberNode(whole.toBigIntegerExact()) : NODES.numberNode(number);
    }

    private static LocalDate date(SheetCell cell, String text) throws Refused {
        if (cell.date() != null) {
            return cell.date().toLocalDate();
        }
        try {
            return LocalDate.parse(dateText(text), DATE);
        } catch (DateTimeParseException e) {
            throw new Refused(ErrorCode.FORMAT);
        }
    }

    private String dateTime(SheetCell cell, String text) throws Refused {
        LocalDateTime local = cell.date();
        if (local == null) {
            try {
                return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                local = localDateTime(text);
            }
        }
        return local.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.MILLIS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static LocalDateTime localDateTime(String text) throws Refused {
        String normal = dateText(text.replace('T', ' '));
        try {
            return normal.contains(" ") ? LocalDateTime.parse(normal, DATE_TIME)
                    : LocalDate.parse(normal, DATE).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new Refused(ErrorCode.FORMAT);
        }
    }

    /** 2026/11/24, 2026.11.24 and 2026年11月24日 as 2026-11-24; the time after a date is kept. */
    private static String dateText(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip()
                .replaceFirst("^(\\d+)[/.年](\\d+)[/.月](\\d+)日?", "$1-$2-$3");
    }

    private static String time(SheetCell cell, String text) throws Refused {
        LocalTime time;
        if (cell.date() != null) {
            time = cell.date().toLocalTime();
        } else {
            try {
                time = LocalTime.parse(Normalizer.normalize(text, Normalizer.Form.NFKC), TIME);
            } catch (DateTimeParseException e) {
                throw new Refused(ErrorCode.FORMAT);
            }
        }
        return time.withNano(0).format(time.getSecond() == 0 ? DateTimeFormatter.ofPattern("HH:mm")
                : DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    private static boolean flag(SheetCell cell, String text) throws Refused {
        if (cell.flag() != null) {
            return cell.flag();
        }
        String normal = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(normal)) {
            return true;
        }
        if (FALSE.contains(normal)) {
            return false;
        }
        throw new Refused(ErrorCode.TYPE);
    }

    /** The option's value for its value or a label; anything else as written, for the validator to refuse. */
    private static String option(FieldModel field, String text) {
        Optional<FieldModel.Option> byValue = field.options().stream().filter(o -> o.value().equals(text)).findFirst();
        return byValue.or(() -> field.options().stream().filter(o -> o.label().zhCN().strip().equalsIgnoreCase(text)
                        || o.label().en().strip().equalsIgnoreCase(text)).findFirst())
                .map(FieldModel.Option::value).orElse(text);
    }

    private static ArrayNode options(FieldModel field, String text) {
        ArrayNode values = NODES.arrayNode();
        for (String part : LIST_SEPARATOR.split(text)) {
            if (!part.isBlank()) {
                values.add(option(field, part.strip()));
            }
        }
        return values;
    }

    /** 广东省/深圳市/南山区: the parts in order, as many as the cell has. */
    private static ObjectNode region(String text) {
        ObjectNode region = NODES.objectNode();
        List<String> names = List.of("province", "city", "district");
        String[] parts = text.split("\\s*/\\s*", -1);
        for (int i = 0; i < parts.length; i++) {
            region.put(i < names.size() ? names.get(i) : "part" + (i + 1), parts[i].strip());
        }
        return region;
    }
}
