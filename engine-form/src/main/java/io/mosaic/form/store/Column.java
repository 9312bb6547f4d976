package io.mosaic.form.store;

/**
 * A column of a form table. {@code pointer} is the JSON Pointer of the field it stores in the
 * definition (for problems to point at), or null for a system column.
 */
public record Column(String name, ColumnType type, String pointer) {

    public boolean isSystem() {
        return pointer == null;
    }

    /** The column's DDL; every field column is nullable so that adding one never touches existing rows. */
    String definition() {
        return SqlNames.quote(name) + " " + type.sql();
    }
}
