package io.mosaic.form.store;

import java.util.List;

/** An index schema sync creates; named by {@link SqlNames#index} after its table and first column. */
public record Index(String name, boolean unique, List<String> columns) {

    public Index {
        columns = List.copyOf(columns);
    }

    static Index on(String table, boolean unique, String... columns) {
        return new Index(SqlNames.index(unique, table, columns[0]), unique, List.of(columns));
    }
}
