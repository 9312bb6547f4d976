package io.mosaic.report.run;

/**
 * A query its dataset cannot run as asked, naming where: a filter that does not fit its field ({@link #invalid}),
 * or a field the viewer may not see ({@link #hidden}).
 */
public class DatasetQueryException extends RuntimeException {

    private final boolean hiddenField;
    private final String pointer;

    private DatasetQueryException(boolean hiddenField, String pointer, String message) {
        super(message);
        this.hiddenField = hiddenField;
        this.pointer = pointer;
    }

    public static DatasetQueryException invalid(String pointer, String message) {
        return new DatasetQueryException(false, pointer, message);
    }

    public static DatasetQueryException hidden(String pointer, String path) {
        return new DatasetQueryException(true, pointer, "The field '" + path + "' is hidden from you, so a report "
                + "cannot show, count or filter by it for you");
    }

    /** Whether the viewer's field permissions refused it (rather than the request being wrong). */
    public boolean hiddenField() {
        return hiddenField;
    }

    /** A JSON Pointer into the dataset or the request. */
    public String pointer() {
        return pointer;
    }
}
