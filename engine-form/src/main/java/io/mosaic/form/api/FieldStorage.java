package io.mosaic.form.api;

/**
 * How a field's values are kept in its form's table. Two field types with the same storage can
 * replace each other in a new form version; a change of storage is allowed only when it widens.
 */
public enum FieldStorage {
    /** Short text (a VARCHAR). */
    STRING,
    /** Long text. */
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    DATETIME,
    TIME,
    BOOLEAN,
    /** Id of a user, an organisation unit or a record of another form. */
    REFERENCE,
    /** A structured value kept as JSON text: several options, files, an address. */
    JSON,
    /** Rows of a child table rather than a column. */
    CHILD_TABLE;

    /** Whether every value stored as {@code this} can be kept unchanged as {@code next}. */
    public boolean canChangeTo(FieldStorage next) {
        return this == next || switch (this) {
            case STRING -> next == TEXT;
            case INTEGER -> next == DECIMAL;
            case DATE -> next == DATETIME;
            default -> false;
        };
    }

}
