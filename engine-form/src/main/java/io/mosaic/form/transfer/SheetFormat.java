package io.mosaic.form.transfer;

import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.util.Arrays;

/** The file formats records are imported from and exported to. */
public enum SheetFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    /** How many leading bytes {@link #detect} looks at for binary content. */
    private static final int SNIFF_BYTES = 8192;

    private final String contentType;
    private final String extension;

    SheetFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format of an uploaded file, by its content rather than its name, which a user can get wrong:
     * a zip is taken for .xlsx (reading it proves it), text for CSV.
     *
     * @throws UnreadableSheetException ({@link UnreadableSheetException.Reason#UNSUPPORTED}) for an old .xls workbook
     *                                  or any other binary file
     */
    public static SheetFormat detect(byte[] content) {
        if (ReadableWorkbook.isOOXMLZipHeader(content)) {
            return XLSX;
        }
        if (ReadableWorkbook.isOLE2Header(content)) {
            throw new UnreadableSheetException(UnreadableSheetException.Reason.UNSUPPORTED,
                    "The file is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and upload it again");
        }
        if (!SheetText.hasUtf16Bom(content) && contains(content, (byte) 0)) {
            throw new UnreadableSheetException(UnreadableSheetException.Reason.UNSUPPORTED,
                    "The file is neither CSV text nor an .xlsx workbook");
        }
        return CSV;
    }

    private static boolean contains(byte[] content, byte wanted) {
        byte[] head = Arrays.copyOf(content, Math.min(content.length, SNIFF_BYTES));
        for (byte b : head) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }
}
