package io.mosaic.form.store;

import java.util.List;

/** A form table or a sub-table's child table as schema sync wants it; the first column is the key. */
public record Table(String name, List<Column> columns, List<Index> indexes) {

    public Table {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }
}
