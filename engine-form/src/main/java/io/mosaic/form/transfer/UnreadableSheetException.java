package io.mosaic.form.transfer;

/** An uploaded file that cannot be read as a sheet of records; nothing of it was used. */
public class UnreadableSheetException extends RuntimeException {

    /** Why the file was refused, so that the web layer can pick the status. */
    public enum Reason {
        /** Neither CSV text nor an .xlsx workbook (an old .xls, an image, a PDF…). */
        UNSUPPORTED,
        /** Looks like CSV or .xlsx but cannot be read: broken quoting, a damaged zip, invalid sheet XML. */
        CORRUPT,
        /** More than a limit allows: rows, or what an .xlsx unpacks to. */
        TOO_LARGE
    }

    private final Reason reason;

    public UnreadableSheetException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnreadableSheetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
