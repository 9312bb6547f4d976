package io.mosaic.form.store;

import java.util.stream.Collectors;

import static io.mosaic.form.store.SqlNames.quote;

/** One DDL statement of a {@link SyncPlan}; each is safe to plan again after it ran (see {@link SchemaSync}). */
public sealed interface DdlStep {

    /**
     * The statement; {@code tableOptions} follows {@code CREATE TABLE} (utf8mb4 on MySQL and MariaDB,
     * empty on H2).
     */
    String sql(String tableOptions);

    /** What the step does, for a person reading a dry run. */
    String description();

    record CreateTable(Table table) implements DdlStep {
        @Override
        public String sql(String tableOptions) {
            String columns = table.columns().stream()
                    .map(c -> c.name().equals(SystemColumns.ID) ? c.definition() + " AUTO_INCREMENT NOT NULL" : c.definition())
                    .collect(Collectors.joining(", "));
            return "CREATE TABLE IF NOT EXISTS " + quote(table.name()) + " (" + columns
                    + ", PRIMARY KEY (" + quote(SystemColumns.ID) + "))" + tableOptions;
        }

        @Override
        public String description() {
            return "create table " + table.name() + " with " + table.columns().size() + " columns";
        }
    }

    record AddColumn(String table, Column column) implements DdlStep {
        @Override
        public String sql(String tableOptions) {
            return "ALTER TABLE " + quote(table) + " ADD COLUMN " + column.definition();
        }

        @Override
        public String description() {
            return "add column " + table + "." + column.name() + " " + column.type().sql();
        }
    }

    /** MODIFY restates the whole column; field columns are plain nullable columns, so nothing else is lost. */
    record WidenColumn(String table, Column column, ColumnType from) implements DdlStep {
        @Override
        public String sql(String tableOptions) {
            return "ALTER TABLE " + quote(table) + " MODIFY COLUMN " + column.definition();
        }

        @Override
        public String description() {
            return "widen column " + table + "." + column.name() + " from " + from.sql() + " to " + column.type().sql();
        }
    }

    record AddIndex(String table, Index index) implements DdlStep {
        @Override
        public String sql(String tableOptions) {
            return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON " + quote(table)
                    + " (" + index.columns().stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        public String description() {
            return "add " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
                    + " (" + String.join(", ", index.columns()) + ")";
        }
    }

    /** Only indexes schema sync named itself are ever dropped, e.g. when a field stops being unique. */
    record DropIndex(String table, String index) implements DdlStep {
        @Override
        public String sql(String tableOptions) {
            return "DROP INDEX " + quote(index) + " ON " + quote(table);
        }

        @Override
        public String description() {
            return "drop index " + index + " on " + table;
        }
    }
}
