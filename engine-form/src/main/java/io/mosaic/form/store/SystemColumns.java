package io.mosaic.form.store;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns every form table (and every child table) has besides its fields. Field keys may not
 * take these names; the form definition check refuses them.
 */
public final class SystemColumns {

    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String OWNER_ID = "owner_id";
    public static final String ORG_ID = "org_id";
    public static final String DEALER_ID = "dealer_id";
    public static final String CREATED_BY = "created_by";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_BY = "updated_by";
    public static final String UPDATED_AT = "updated_at";
    public static final String DELETED_AT = "deleted_at";
    public static final String WORKFLOW_STATUS = "workflow_status";
    public static final String PROCESS_INSTANCE_ID = "process_instance_id";
    public static final String FORM_VERSION = "form_version";
    public static final String PARENT_ID = "parent_id";
    public static final String ROW_ORDER = "row_order";
    public static final String RECORD_ID = "record_id";
    public static final String CHANGED_AT = "changed_at";
    public static final String CHANGED_BY = "changed_by";
    public static final String FIELD = "field";
    public static final String OLD_VALUE = "old_value";
    public static final String NEW_VALUE = "new_value";
    public static final String PERIOD_KEY = "period_key";
    public static final String SEQ_VALUE = "seq_value";

    /**
     * Users, org units and records have BIGINT ids; a dealer is named by its code, as the dealer row
     * scope compares it with the user's dealer code. Flowable's process instance ids are strings.
     */
    static final List<Column> FORM = List.of(
            system(ID, ColumnType.bigint()),
            system(VERSION, ColumnType.integer(4)),
            system(OWNER_ID, ColumnType.bigint()),
            system(ORG_ID, ColumnType.bigint()),
            system(DEALER_ID, ColumnType.varchar(64)),
            system(CREATED_BY, ColumnType.bigint()),
            system(CREATED_AT, ColumnType.of(ColumnType.Kind.DATETIME)),
            system(UPDATED_BY, ColumnType.bigint()),
            system(UPDATED_AT, ColumnType.of(ColumnType.Kind.DATETIME)),
            system(DELETED_AT, ColumnType.of(ColumnType.Kind.DATETIME)),
            system(WORKFLOW_STATUS, ColumnType.varchar(32)),
            system(PROCESS_INSTANCE_ID, ColumnType.varchar(64)),
            system(FORM_VERSION, ColumnType.integer(4)));

    static final List<Column> CHILD = List.of(
            system(ID, ColumnType.bigint()),
            system(PARENT_ID, ColumnType.bigint()),
            system(ROW_ORDER, ColumnType.integer(4)));

    /** One row per changed field of an update; values as JSON text, so every field type fits. */
    static final List<Column> HISTORY = List.of(
            system(ID, ColumnType.bigint()),
            system(RECORD_ID, ColumnType.bigint()),
            system(CHANGED_AT, ColumnType.of(ColumnType.Kind.DATETIME)),
            system(CHANGED_BY, ColumnType.bigint()),
            system(FIELD, ColumnType.varchar(SqlNames.MAX_LENGTH)),
            system(OLD_VALUE, ColumnType.of(ColumnType.Kind.LONGTEXT)),
            system(NEW_VALUE, ColumnType.of(ColumnType.Kind.LONGTEXT)));

    /**
     * One counter per serial field and period key (the pattern with its date parts filled in):
     * {@code seq_value} is the last number handed out, so a counter row at 0 has handed out none.
     */
    static final List<Column> SEQUENCE = List.of(
            system(ID, ColumnType.bigint()),
            system(FIELD, ColumnType.varchar(SqlNames.MAX_LENGTH)),
            system(PERIOD_KEY, ColumnType.varchar(SerialPattern.MAX_PERIOD_KEY_LENGTH)),
            system(SEQ_VALUE, ColumnType.bigint()));

    private static final Set<String> FORM_NAMES = names(FORM);
    private static final Set<String> CHILD_NAMES = names(CHILD);

    private SystemColumns() {
    }

    /** Whether a field of a form ({@code inSubtable} false) or of a sub-table may not use {@code key}. */
    public static boolean isReserved(String key, boolean inSubtable) {
        return (inSubtable ? CHILD_NAMES : FORM_NAMES).contains(key);
    }

    private static Column system(String name, ColumnType type) {
        return new Column(name, type, null);
    }

    private static Set<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.toUnmodifiableSet());
    }
}
