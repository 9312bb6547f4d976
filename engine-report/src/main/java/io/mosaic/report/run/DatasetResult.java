package io.mosaic.report.run;

import java.util.List;

/**
 * The groups of one query: dimension values then measure values per row, in {@code columns} order. Numbers are
 * {@link java.math.BigDecimal}, dimension values text, numbers or ISO dates; an "others" row (top N) has the
 * dimension value {@link CompiledDataset#OTHERS}.
 *
 * @param truncated whether the row cap cut the result
 */
public record DatasetResult(List<ResultColumn> columns, List<List<Object>> rows, boolean truncated) {

    public DatasetResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
