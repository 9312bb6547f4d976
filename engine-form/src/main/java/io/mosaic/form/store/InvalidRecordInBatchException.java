package io.mosaic.form.store;

import io.mosaic.form.record.RecordError;

import java.util.List;

/** One record of a {@link RecordStore#createAll} batch was refused, so none was written; {@link #index()} says which. */
public class InvalidRecordInBatchException extends InvalidRecordException {

    private final int index;

    public InvalidRecordInBatchException(int index, List<RecordError> errors) {
        super(errors);
        this.index = index;
    }

    /** The refused record's position in the batch, from 0. */
    public int index() {
        return index;
    }
}
