package io.mosaic.form.transfer;

import java.util.List;

/**
 * One row of an imported sheet.
 *
 * @param number the row number a spreadsheet shows for it, the heading row being 1
 */
public record SheetRow(int number, List<SheetCell> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell in column {@code index} (0 = A), blank beyond the row's last cell. */
    public SheetCell cell(int index) {
        return index < cells.size() ? cells.get(index) : SheetCell.BLANK;
    }

    public boolean blank() {
        return cells.stream().allMatch(SheetCell::blank);
    }
}
