package io.mosaic.form.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.form.api.FieldStorage;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.api.FormKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables a form definition needs: its own table with the system columns and one column per
 * scalar field, and a child table per sub-table. Built only from a definition that passes
 * {@link FormKind#validate}, so every name comes from a checked key.
 *
 * <p>Indexes: {@code owner_id}, {@code org_id} and {@code dealer_id} for row scopes,
 * {@code (parent_id, row_order)} on child tables, a unique index per {@code unique} field and a plain one
 * per lookup or {@code indexed} field. On the form table that plain index is the list index
 * {@code (field, deleted_at, id)}: a list filtered by the field's value reads its newest live records in
 * index order and stops after a page (see {@code RecordStore#list}). Lists of every live record read the
 * primary key backwards. No index starts with {@code deleted_at}: MariaDB intersects one with the
 * field's index and sorts every record with the value (a second a page of a million records), and
 * H2 scans every live record with it. A unique index also
 * covers soft-deleted records, so restoring a record can never break uniqueness; a value stays taken
 * while its record is in the recycle bin. A {@code unique} sub-table column means unique within one
 * record, which the database cannot say across records, so it gets no unique index.
 *
 * <p>The history table ({@link SqlNames#historyTable}) keeps one row per field an update changed,
 * indexed by {@code (record_id, id)} to read a record's history in order. The sequence table
 * ({@link SqlNames#sequenceTable}) holds the serial number counters, unique on {@code (field, period_key)}.
 */
public record TableModel(String app, String form, Table table, List<Table> children, Table history, Table sequences) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FormKind KIND = new FormKind();
    static final int DEFAULT_LENGTH = 255;

    public TableModel {
        children = List.copyOf(children);
    }

    /**
     * The tables of {@code definition}, a form of app {@code app}.
     *
     * @throws InvalidDefinitionException when the definition is not a valid form
     */
    public static TableModel of(String app, String definition) {
        JsonNode form = parse(definition);
        String key = form.path("key").asText("");
        List<DefinitionProblem> problems = KIND.validate(key, definition);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException("Form '" + key + "'", problems);
        }
        String tableName = SqlNames.table(app, key);
        List<Column> columns = new ArrayList<>(SystemColumns.FORM);
        List<Index> indexes = new ArrayList<>(List.of(
                Index.on(tableName, false, SystemColumns.OWNER_ID),
                Index.on(tableName, false, SystemColumns.ORG_ID),
                Index.on(tableName, false, SystemColumns.DEALER_ID)));
        List<Table> children = new ArrayList<>();
        JsonNode fields = form.path("fields");
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String pointer = "/fields/" + i;
            if (FormKind.storage(field) == FieldStorage.CHILD_TABLE) {
                children.add(childTable(app, key, field, pointer));
            } else {
                addField(tableName, field, pointer, true, columns, indexes);
            }
        }
        String historyName = SqlNames.historyTable(app, key);
        Table history = new Table(historyName, SystemColumns.HISTORY,
                List.of(Index.on(historyName, false, SystemColumns.RECORD_ID, SystemColumns.ID)));
        String sequenceName = SqlNames.sequenceTable(app, key);
        Table sequences = new Table(sequenceName, SystemColumns.SEQUENCE,
                List.of(Index.on(sequenceName, true, SystemColumns.FIELD, SystemColumns.PERIOD_KEY)));
        return new TableModel(app, key, new Table(tableName, columns, indexes), children, history, sequences);
    }

    /** The form table first, then the child tables in field order, then the history and sequence tables. */
    public List<Table> tables() {
        List<Table> all = new ArrayList<>(children.size() + 3);
        all.add(table);
        all.addAll(children);
        all.add(history);
        all.add(sequences);
        return all;
    }

    private static Table childTable(String app, String form, JsonNode subtable, String pointer) {
        String tableName = SqlNames.childTable(app, form, subtable.path("key").asText());
        List<Column> columns = new ArrayList<>(SystemColumns.CHILD);
        List<Index> indexes = new ArrayList<>(List.of(
                Index.on(tableName, false, SystemColumns.PARENT_ID, SystemColumns.ROW_ORDER)));
        JsonNode fields = subtable.path("columns");
        for (int i = 0; i < fields.size(); i++) {
            addField(tableName, fields.get(i), pointer + "/columns/" + i, false, columns, indexes);
        }
        return new Table(tableName, columns, indexes);
    }

    private static void addField(String table, JsonNode field, String pointer, boolean formTable,
                                 List<Column> columns, List<Index> indexes) {
        String name = SqlNames.column(field.path("key").asText());
        columns.add(new Column(name, columnType(field), pointer));
        boolean unique = formTable && field.path("unique").asBoolean(false);
        boolean lookup = FieldType.LOOKUP.key().equals(field.path("type").asText());
        if (unique) {
            indexes.add(Index.on(table, true, name));
        } else if (lookup || field.path("indexed").asBoolean(false)) {
            indexes.add(formTable ? Index.on(table, false, name, SystemColumns.DELETED_AT, SystemColumns.ID)
                    : Index.on(table, false, name));
        }
    }

    /** Field storage → SQL type; the sizes come from the field where it has them. */
    static ColumnType columnType(JsonNode field) {
        return switch (FormKind.storage(field)) {
            case STRING -> ColumnType.varchar(field.path("maxLength").asInt(DEFAULT_LENGTH));
            case TEXT, JSON -> ColumnType.of(ColumnType.Kind.LONGTEXT);
            case INTEGER, REFERENCE -> ColumnType.bigint();
            case DECIMAL -> decimal(field);
            case DATE -> ColumnType.of(ColumnType.Kind.DATE);
            case DATETIME -> ColumnType.of(ColumnType.Kind.DATETIME);
            case TIME -> ColumnType.of(ColumnType.Kind.TIME);
            case BOOLEAN -> ColumnType.of(ColumnType.Kind.BOOLEAN);
            case CHILD_TABLE -> throw new IllegalArgumentException("A sub-table is a table, not a column");
        };
    }

    /** {@code precision} counts all digits. */
    private static ColumnType decimal(JsonNode field) {
        int defaultScale = FieldType.of(field.path("type").asText()).map(FieldType::defaultScale).orElse(4);
        int scale = field.path("scale").asInt(defaultScale);
        int precision = field.path("precision").asInt(FieldType.DEFAULT_PRECISION);
        return ColumnType.decimal(Math.max(precision, scale + 1), scale);
    }

    /** Content that does not parse gets its problem from {@link FormKind#validate}, like any other. */
    private static JsonNode parse(String definition) {
        try {
            return definition == null ? MissingNode.getInstance() : JSON.readTree(definition);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
