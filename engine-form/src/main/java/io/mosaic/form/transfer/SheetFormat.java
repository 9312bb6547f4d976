package io.mosaic.form.transfer;

import java.util.Arrays;

/** The file formats records are imported from and exported to. */
public enum SheetFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    /** How many leading bytes {@link #detect} looks at for binary content. */
    private static final int SNIFF_BYTES = 8192;
    /** A zip's local file header, which every .xlsx starts with. */
    private static final int[] ZIP = {'P', 'K', 3, 4};
    /** The compound-file header of Excel 97-2003 workbooks (and other old Office files). */
    private static final int[] OLE2 = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

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
        if (SheetText.startsWith(content, ZIP)) {
            return XLSX;
        }
        if (SheetText.startsWith(content, OLE2)) {
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
