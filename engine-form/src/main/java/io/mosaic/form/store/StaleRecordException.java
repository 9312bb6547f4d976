package io.mosaic.form.store;

/** A write named a version of the record that is no longer current: someone else changed it first. */
public class StaleRecordException extends RuntimeException {

    public StaleRecordException(long id, int expectedVersion) {
        super("Record " + id + " is no longer at version " + expectedVersion);
    }
}
