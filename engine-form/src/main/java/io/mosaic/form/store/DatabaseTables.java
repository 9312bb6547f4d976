package io.mosaic.form.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads form tables as they really are, through JDBC metadata, so that a sync after a half-applied
 * one (MySQL commits each DDL statement on its own) sees what is already there.
 */
final class DatabaseTables {

    /** MySQL and MariaDB report LONGTEXT as up to 4 GB; H2 reports its LONGTEXT as a 1-billion-character VARCHAR. */
    private static final int MAX_VARCHAR = 65_535;

    private DatabaseTables() {
    }

    /** The named tables that exist, with their columns and indexes; absent tables are left out. */
    static Map<String, Table> read(Connection connection, List<String> names) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Table> found = new LinkedHashMap<>();
        for (String name : names) {
            read(connection, meta, name).ifPresent(t -> found.put(name, t));
        }
        return found;
    }

    private static Optional<Table> read(Connection connection, DatabaseMetaData meta, String name) throws SQLException {
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        // '_' is a wildcard in metadata patterns: escape it, and still keep exact matches only.
        String pattern = name.replace("_", meta.getSearchStringEscape() + "_");
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, pattern, "%")) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    columns.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            type(rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")), null));
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        // Approximate: only names and columns are read, and H2 counts every row of an index for exact statistics.
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, name, false, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index != null && rs.getString("COLUMN_NAME") != null) {
                    indexColumns.computeIfAbsent(index, i -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                    unique.put(index, !rs.getBoolean("NON_UNIQUE"));
                }
            }
        }
        List<Index> indexes = indexColumns.entrySet().stream()
                .map(e -> new Index(e.getKey(), unique.get(e.getKey()), e.getValue())).toList();
        return Optional.of(new Table(name, columns, indexes));
    }

    private static ColumnType type(int jdbcType, int size, int digits) {
        return switch (jdbcType) {
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR ->
                    size > MAX_VARCHAR ? ColumnType.of(ColumnType.Kind.LONGTEXT) : ColumnType.varchar(size);
            case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> ColumnType.of(ColumnType.Kind.LONGTEXT);
            case Types.BIGINT -> ColumnType.bigint();
            case Types.INTEGER -> ColumnType.integer(4);
            case Types.SMALLINT -> ColumnType.integer(2);
            case Types.TINYINT -> ColumnType.integer(1);
            case Types.DECIMAL, Types.NUMERIC -> ColumnType.decimal(size, digits);
            case Types.DATE -> ColumnType.of(ColumnType.Kind.DATE);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.of(ColumnType.Kind.DATETIME);
            case Types.TIME -> ColumnType.of(ColumnType.Kind.TIME);
            // MariaDB reports BOOLEAN, i.e. TINYINT(1), as BIT.
            case Types.BOOLEAN, Types.BIT -> ColumnType.of(ColumnType.Kind.BOOLEAN);
            default -> ColumnType.of(ColumnType.Kind.OTHER);
        };
    }
}
