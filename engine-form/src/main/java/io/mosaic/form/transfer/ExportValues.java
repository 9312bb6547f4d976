package io.mosaic.form.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A stored record value as a person reads it in a sheet, in one language: option labels rather than values,
 * 是/否 or Yes/No, dates and numbers as dates and numbers, date-times in the platform's time zone, several
 * options or files joined with {@code "; "}, a region as 省/市/区. What {@link RecordImport} reads back.
 */
public final class ExportValues {

    private static final String LIST_SEPARATOR = "; ";

    private final Locale locale;
    private final ZoneId zone;
    private final boolean chinese;

    public ExportValues(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.chinese = "zh".equals(locale.getLanguage());
    }

    /** The fields a sheet can hold: all but sub-tables. */
    public static List<FieldModel> exportable(FormModel form) {
        return form.fields().stream().filter(f -> f.type() != FieldType.SUBTABLE).toList();
    }

    public String heading(FieldModel field) {
        return field.label().in(locale.toLanguageTag());
    }

    /** A {@link String}, {@link java.math.BigDecimal}, {@link Long}, {@link LocalDate}, {@link LocalDateTime} or null. */
    public Object value(FieldModel field, JsonNode stored) {
        if (stored == null || stored.isNull() || stored.isMissingNode()) {
            return null;
        }
        return switch (field.type()) {
            case INTEGER, USER, ORG, LOOKUP -> stored.isIntegralNumber() ? (Object) stored.longValue() : stored.decimalValue();
            case DECIMAL, MONEY, PERCENT -> stored.decimalValue();
            case DATE -> LocalDate.parse(stored.asText());
            case DATETIME -> OffsetDateTime.parse(stored.asText()).atZoneSameInstant(zone).toLocalDateTime();
            case SWITCH -> yesNo(stored.asBoolean());
            case SELECT, RADIO -> label(field, stored.asText());
            case MULTISELECT, CHECKBOX -> joined(stored, node -> label(field, node.asText()));
            case ATTACHMENT, IMAGE -> joined(stored, node -> node.path("name").asText());
            case REGION -> String.join("/", parts(stored));
            case FORMULA -> formula(field, stored);
            default -> stored.asText();
        };
    }

    private Object formula(FieldModel field, JsonNode stored) {
        return switch (field.resultType()) {
            case NUMBER -> stored.decimalValue();
            case DATE -> LocalDate.parse(stored.asText());
            case BOOLEAN -> yesNo(stored.asBoolean());
            case TEXT -> stored.asText();
        };
    }

    private String yesNo(boolean value) {
        return chinese ? (value ? "是" : "否") : (value ? "Yes" : "No");
    }

    private String label(FieldModel field, String value) {
        return field.options().stream().filter(o -> o.value().equals(value)).findFirst()
                .map(o -> o.label().in(locale.toLanguageTag())).orElse(value);
    }

    private static String joined(JsonNode items, Function<JsonNode, String> text) {
        List<String> parts = new ArrayList<>();
        items.forEach(item -> parts.add(text.apply(item)));
        return String.join(LIST_SEPARATOR, parts);
    }

    private static List<String> parts(JsonNode region) {
        List<String> parts = new ArrayList<>();
        region.forEach(part -> parts.add(part.asText()));
        return parts;
    }
}
