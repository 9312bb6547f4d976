package io.mosaic.report.run;

import io.mosaic.form.api.FieldStorage;

/** What a dataset field holds, as far as filters, dimensions and measures care. */
enum ValueType {
    TEXT, NUMBER, DATE, DATETIME, TIME, BOOLEAN, REFERENCE,
    /** Several options, files, an address: kept as JSON text, so neither grouped nor compared. */
    JSON;

    static ValueType of(FieldStorage storage) {
        return switch (storage) {
            case STRING, TEXT -> TEXT;
            case INTEGER, DECIMAL -> NUMBER;
            case DATE -> DATE;
            case DATETIME -> DATETIME;
            case TIME -> TIME;
            case BOOLEAN -> BOOLEAN;
            case REFERENCE -> REFERENCE;
            case JSON, CHILD_TABLE -> JSON;
        };
    }

    boolean isDate() {
        return this == DATE || this == DATETIME;
    }

    boolean isNumeric() {
        return this == NUMBER;
    }

    /** The column type of {@link ResultColumn}: text, number or date. */
    String columnType() {
        return switch (this) {
            case NUMBER, REFERENCE -> "number";
            case DATE, DATETIME -> "date";
            default -> "text";
        };
    }
}
