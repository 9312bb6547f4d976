package io.mosaic.form.transfer;

/**
 * One problem of one imported row, as the error report lists it.
 *
 * @param row     the row number a spreadsheet shows (the heading row is 1)
 * @param column  the column's letter and heading, e.g. {@code C 金额}; empty for a problem of the whole row
 * @param field   the field key, empty when the problem is not about one field
 * @param code    a record error code ({@code required}, {@code type}, {@code unique}, …)
 * @param message the problem in the importing user's language
 */
public record RowError(int row, String column, String field, String code, String message) {
}
