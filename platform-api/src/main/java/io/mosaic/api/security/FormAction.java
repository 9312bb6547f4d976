package io.mosaic.api.security;

/** What a user may do with a form's records. */
public enum FormAction {
    CREATE, READ, UPDATE, DELETE, EXPORT
}
