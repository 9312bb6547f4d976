package io.mosaic.api.security;

/** How a user may treat one field; ordered from most to least open. */
public enum FieldAccess {
    EDITABLE, READ_ONLY, HIDDEN;

    /** The more open of two accesses, used when several roles speak about one field. */
    public FieldAccess mostOpen(FieldAccess other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}
