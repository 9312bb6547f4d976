package io.mosaic.form.store;

import io.mosaic.form.record.RecordError;

import java.util.List;

/** A record was refused: nothing was written, {@link #errors()} say why, each at its field's pointer. */
public class InvalidRecordException extends RuntimeException {

    private final List<RecordError> errors;

    public InvalidRecordException(List<RecordError> errors) {
        super("The record is not valid: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<RecordError> errors() {
        return errors;
    }
}
