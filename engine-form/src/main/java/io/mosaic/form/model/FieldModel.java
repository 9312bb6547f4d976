package io.mosaic.form.model;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One field (or sub-table column) of a form version, as its definition declares it. Members a type
 * does not use are {@code null} or empty; defaults are not filled in here, so the model says exactly
 * what the analyst wrote.
 *
 * @param columns     a sub-table's columns, empty for every other type
 * @param options     option values of select, multiselect, radio and checkbox, in definition order
 * @param lookupForm  form a lookup points at
 * @param lookupFilter conditions every target of a lookup must meet, on the target form's fields
 * @param accept      file extensions an attachment or image accepts, lower case with the dot
 * @param visibleWhen condition (formula language) under which the field is shown
 * @param requiredWhen condition under which the field must have a value
 * @param defaultExpression formula giving the value when a save leaves the field blank
 */
public record FieldModel(
        String key,
        FieldType type,
        LocalizedText label,
        boolean required,
        boolean unique,
        boolean readOnly,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        Integer precision,
        Integer scale,
        String currency,
        List<Option> options,
        String lookupForm,
        String lookupDisplayField,
        List<LookupFilter> lookupFilter,
        List<FieldModel> columns,
        Integer minRows,
        Integer maxRows,
        String expression,
        FieldType.FormulaResult resultType,
        String pattern,
        Integer maxFiles,
        Integer maxSizeMb,
        List<String> accept,
        String regionLevel,
        String visibleWhen,
        String requiredWhen,
        String defaultExpression) {

    public FieldModel {
        options = List.copyOf(options);
        lookupFilter = List.copyOf(lookupFilter);
        columns = List.copyOf(columns);
        accept = List.copyOf(accept);
    }

    /**
     * A condition on a lookup's target, as the records list takes it: {@code op} one of eq, ne, lt, le, gt, ge,
     * contains; the value as text, read by the target field's type.
     */
    public record LookupFilter(String field, String op, String value) {
    }

    /** A choice of a select, multiselect, radio or checkbox field. */
    public record Option(String value, LocalizedText label) {
    }

    /**
     * Whether the value is the platform's to set, never the client's: serial numbers, formulas and
     * fields the analyst marked read-only.
     */
    public boolean systemSet() {
        return readOnly || type == FieldType.SERIAL || type == FieldType.FORMULA;
    }

    public List<String> optionValues() {
        return options.stream().map(Option::value).toList();
    }

    /** A sub-table's column by key. */
    public Optional<FieldModel> column(String columnKey) {
        return columns.stream().filter(c -> c.key.equals(columnKey)).findFirst();
    }
}
