package io.mosaic.form.store;

/** No live record with that id, or none the caller may see. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(long id) {
        super("No record " + id);
    }
}
