package io.mosaic.form.transfer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One cell of an imported sheet. A CSV cell is text only; an .xlsx cell may also be a number (with the date
 * Excel would show for it, since a date cell is a number with a date format) or a boolean.
 *
 * @param text   the cell as text, never null ({@code ""} when empty)
 * @param number the value of a number cell, else null
 * @param date   a number cell read as an Excel date serial, else null
 * @param flag   the value of a boolean cell, else null
 */
public record SheetCell(String text, BigDecimal number, LocalDateTime date, Boolean flag) {

    public static final SheetCell BLANK = new SheetCell("", null, null, null);

    public static SheetCell text(String text) {
        return new SheetCell(text == null ? "" : text, null, null, null);
    }

    public boolean blank() {
        return number == null && flag == null && text.isBlank();
    }
}
