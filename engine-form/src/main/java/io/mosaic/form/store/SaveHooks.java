package io.mosaic.form.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What runs around a record's save besides the form's own checks: the platform's before-save and after-save rules.
 * The store calls both on every create, update and import; {@link #NONE} does nothing.
 */
public interface SaveHooks {

    SaveHooks NONE = new SaveHooks() {
    };

    /**
     * Before the record is written, with its formulas computed: may change {@code record} (the store recomputes the
     * formulas and validates again) or refuse the save.
     *
     * @param stored the record as stored before this change, with its {@code id}; null for a new one
     * @throws InvalidRecordException to refuse the save, naming the fields at fault; nothing is written
     */
    default void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
    }

    /**
     * After the record is written, on the connection and in the transaction that wrote it: what this writes (an
     * outbox row, say) commits or rolls back with the record.
     *
     * @param stored the record as stored before this change, null for a new one
     */
    default void afterSave(Connection connection, long id, ObjectNode record, ObjectNode stored, Actor actor)
            throws SQLException {
    }

    /**
     * After a transaction the store began and ended itself (no caller's transaction) committed or rolled back, with
     * every {@link #afterSave} of it done: what must wait for the commit, such as waking the outbox's delivery, runs
     * here. Must not throw: the write is already final.
     */
    default void afterCompletion(boolean committed) {
    }

    /**
     * After every write of the form's records — create, import, update, delete, restore, a workflow status — once the
     * store's statements ran (inside the caller's transaction, if any): what caches results over the form's data
     * (reports) learns that they are stale.
     */
    default void written() {
    }
}
