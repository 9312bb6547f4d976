package io.mosaic.form.store;

/**
 * Who writes a record: the user, and the org unit and dealer code the record then belongs to (the
 * row scopes of {@link RowFilter} compare them).
 *
 * @param orgId    the user's org unit, or null
 * @param dealerId the user's dealer code, or null
 */
public record Actor(long userId, Long orgId, String dealerId) {
}
