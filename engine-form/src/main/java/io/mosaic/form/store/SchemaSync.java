package io.mosaic.form.store;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.form.api.FormKind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps a form's tables in step with its published definition, additively: tables, columns and
 * indexes are added and columns widened; nothing is narrowed, retyped or dropped, and a column
 * whose field was removed stays with its data. A version whose fields cannot keep their stored
 * values is refused, with problems that name the field, and nothing is changed.
 *
 * <p>{@link #plan(String, String, String)} needs no database: it compares the new definition with the
 * previous one (a dry run, e.g. for a template pack). {@link #apply} compares it with the tables as
 * the database reports them, so after a crash part-way through (MySQL does not roll DDL back) the
 * next apply plans only what is still missing; applying twice changes nothing the second time.
 */
public final class SchemaSync {

    /** What MySQL and MariaDB tables need so that a server's default charset cannot mangle Chinese text. */
    public static final String MYSQL_TABLE_OPTIONS = " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

    private static final FormKind KIND = new FormKind();

    private SchemaSync() {
    }

    /**
     * The plan that takes the tables of {@code previous} (null for a first publication) to those of
     * {@code next}, computed from the definitions alone.
     *
     * @throws InvalidDefinitionException when {@code next} (or {@code previous}) is not a valid form
     */
    public static SyncPlan plan(String app, String previous, String next) {
        TableModel wanted = TableModel.of(app, next);
        if (previous == null) {
            return diff(wanted, Map.of());
        }
        TableModel before = TableModel.of(app, previous);
        return checkUpgrade(wanted, previous, next)
                .orElseGet(() -> diff(wanted, before.tables().stream()
                        .collect(Collectors.toMap(Table::name, Function.identity()))));
    }

    /** The plan that takes the tables in {@code connection}'s database to those of {@code next}. */
    public static SyncPlan plan(String app, String previous, String next, Connection connection) throws SQLException {
        TableModel wanted = TableModel.of(app, next);
        Optional<SyncPlan> refused = previous == null ? Optional.empty() : checkUpgrade(wanted, previous, next);
        if (refused.isPresent()) {
            return refused.get();
        }
        return diff(wanted, DatabaseTables.read(connection, wanted.tables().stream().map(Table::name).toList()));
    }

    /**
     * Brings the tables in {@code connection}'s database in step with {@code next}.
     *
     * @return the plan that was carried out (empty when the tables already matched)
     * @throws InvalidDefinitionException when the change is refused; the database is untouched
     * @throws SQLException when a statement fails; applying again finishes the job once the cause is fixed
     */
    public static SyncPlan apply(String app, String previous, String next, Connection connection) throws SQLException {
        SyncPlan plan = plan(app, previous, next, connection);
        if (plan.isRefused()) {
            throw new InvalidDefinitionException("The new version of form '" + plan.form() + "'", plan.problems());
        }
        String tableOptions = tableOptions(connection);
        try (Statement statement = connection.createStatement()) {
            for (DdlStep step : plan.steps()) {
                try {
                    statement.execute(step.sql(tableOptions));
                } catch (SQLException e) {
                    throw new SQLException("Schema sync of form '" + plan.form() + "' failed to " + step.description()
                            + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
        return plan;
    }

    public static SyncPlan apply(String app, String previous, String next, DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return apply(app, previous, next, connection);
        }
    }

    private static String tableOptions(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? MYSQL_TABLE_OPTIONS : "";
    }

    /** Field by field compatibility is decided once, by the form kind, for the metadata repository and here alike. */
    private static Optional<SyncPlan> checkUpgrade(TableModel wanted, String previous, String next) {
        List<DefinitionProblem> problems = KIND.checkUpgrade(wanted.form(), previous, next);
        return problems.isEmpty() ? Optional.empty() : Optional.of(SyncPlan.refused(wanted.form(), problems));
    }

    private static SyncPlan diff(TableModel wanted, Map<String, Table> existing) {
        List<DdlStep> steps = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Table table : wanted.tables()) {
            Table present = existing.get(table.name());
            if (present == null) {
                steps.add(new DdlStep.CreateTable(table));
                table.indexes().forEach(index -> steps.add(new DdlStep.AddIndex(table.name(), index)));
            } else {
                syncColumns(table, present, steps, problems);
                syncIndexes(table, present, steps);
            }
        }
        return problems.isEmpty() ? new SyncPlan(wanted.form(), steps, List.of()) : SyncPlan.refused(wanted.form(), problems);
    }

    private static void syncColumns(Table table, Table present, List<DdlStep> steps, List<DefinitionProblem> problems) {
        Map<String, ColumnType> types = present.columns().stream()
                .collect(Collectors.toMap(c -> c.name().toLowerCase(Locale.ROOT), Column::type));
        for (Column column : table.columns()) {
            ColumnType type = types.get(column.name());
            if (type == null) {
                steps.add(new DdlStep.AddColumn(table.name(), column));
            } else if (!column.isSystem()) {
                Optional<ColumnType> union = type.union(column.type());
                if (union.isEmpty()) {
                    problems.add(DefinitionProblem.at(column.pointer() + "/type", "The field '" + column.name()
                            + "' is stored in a column of type " + type.sql() + ", which cannot hold "
                            + column.type().sql() + " values without losing the stored ones"));
                } else if (!union.get().equals(type)) {
                    steps.add(new DdlStep.WidenColumn(table.name(),
                            new Column(column.name(), union.get(), column.pointer()), type));
                }
            }
        }
    }

    /**
     * Drops managed indexes no longer wanted, adds missing ones, and rebuilds a managed index whose
     * columns an earlier version of the platform chose differently (an index of the same name made on
     * {@code (field)} before lists needed {@code (field, deleted_at, id)}).
     */
    private static void syncIndexes(Table table, Table present, List<DdlStep> steps) {
        Map<String, Index> presentByName = present.indexes().stream()
                .collect(Collectors.toMap(i -> i.name().toLowerCase(Locale.ROOT), Function.identity()));
        Set<String> wantedNames = table.indexes().stream().map(i -> i.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (Index index : present.indexes()) {
            if (SqlNames.isManagedIndex(index.name()) && !wantedNames.contains(index.name().toLowerCase(Locale.ROOT))) {
                steps.add(new DdlStep.DropIndex(table.name(), index.name()));
            }
        }
        for (Index index : table.indexes()) {
            Index existing = presentByName.get(index.name().toLowerCase(Locale.ROOT));
            if (existing != null && !lowerCase(existing.columns()).equals(lowerCase(index.columns()))) {
                steps.add(new DdlStep.DropIndex(table.name(), existing.name()));
                existing = null;
            }
            if (existing == null) {
                steps.add(new DdlStep.AddIndex(table.name(), index));
            }
        }
    }

    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
