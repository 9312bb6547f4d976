package io.mosaic.form.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mosaic.form.api.FieldStorage;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.RecordValidator;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Records of one published form version in the tables {@link SchemaSync} made for it: create, read,
 * update with optimistic locking, soft delete and restore, and keyset-paginated lists. Plain JDBC;
 * every identifier comes from {@link SqlNames} (checked keys, backticks), every value is bound.
 *
 * <p>Each write is one transaction: a record is stored with all its sub-table rows or not at all, and
 * {@link #createAll} stores a batch of records (an import) all together or not at all.
 * Values are checked by the version's {@link RecordValidator} first; uniqueness is checked with a
 * query so the error names the field, and the unique index catches what a concurrent writer slips
 * in between. Row scopes and hidden fields are the caller's to decide and passed in
 * ({@link RowFilter}, hidden field keys); a record outside the scope reads as not found.
 *
 * <p>An update also records, in the same transaction, each field whose value it changed
 * ({@link #history}).
 *
 * <p>A create numbers each serial field of the form ({@link SerialPattern}) from a counter in the
 * sequence table, incremented in the create's transaction: the counter row stays locked until the
 * record is committed, and a create that fails after taking a number gives it back by rolling back,
 * so numbers are unique and gap-free per period key. Dates are UTC dates of the store's clock.
 * Serial columns of sub-tables are not numbered.
 *
 * <p>Every write computes the formula fields and formula sub-table columns over the record as it will
 * be stored ({@link FormulaValues}); an update stores them again, with the rows of sub-tables that have
 * formula columns, since any changed field may change them. Lookup reads of formulas go to the
 * {@link LookupResolver} given, blank by default.
 *
 * <p>What a record refers to outside its form goes through {@link References}, given per user with
 * {@link #withReferences}: each lookup value a write brings in must be a live record of its target form the user
 * may see ({@code lookup_not_found}), each file one the user uploaded for this form and field or one this record
 * already holds ({@code file_not_found}), stored as described when uploaded and marked as this record's in the
 * write's transaction. Reads and lists add the display texts of lookups ({@code _display}). Rich text is sanitised
 * ({@link RichText}) before it is stored.
 *
 * <p>Not done here: sub-table rows in lists.
 */
public final class RecordStore {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** MySQL's duplicate-key error; H2 reports the SQL standard state instead. */
    private static final int MYSQL_DUPLICATE_KEY = 1062;
    private static final String SQL_STATE_UNIQUE_VIOLATION = "23505";

    /** System columns a record shows, in the order it shows them, and how each is read. */
    private static final Map<String, FieldStorage> SYSTEM = systemColumns();
    /** The counter of one serial field and period key in the sequence table. */
    /** Ids per query of {@link #find}: an IN list every database takes. */
    private static final int FIND_BATCH = 500;
    private static final String COUNTER_ROW = " WHERE " + q(SystemColumns.FIELD) + " = ? AND "
            + q(SystemColumns.PERIOD_KEY) + " = ?";

    private final DataSource dataSource;
    private final int formVersion;
    private final RecordValidator validator;
    private final FormModel form;
    private final Clock clock;
    private final FormulaValues formulas;
    private final String tableName;
    private final String table;
    private final String historyTable;
    private final String sequenceTable;
    private final Map<String, String> childTables = new LinkedHashMap<>();
    private final Map<String, SerialPattern> serials = new LinkedHashMap<>();
    private final ReferenceCheck referenceCheck;
    private final References references;
    private final SaveHooks hooks;
    /**
     * Counter rows (field, period key) seen in the sequence table; nothing deletes them, so each is looked for once.
     * Shared with the stores {@link #withReferences} makes, as the tables are.
     */
    private final Set<List<String>> knownCounters;
    /** See {@link #h2ListIndexes}; empty until the first list; shared like {@link #knownCounters}. */
    private final AtomicReference<Set<String>> listIndexes;

    /**
     * @param app         the app the form belongs to (names the tables)
     * @param formVersion the published version records are written with
     * @param validator   the validator of that version, e.g. from {@code RecordValidators}
     */
    public RecordStore(DataSource dataSource, String app, int formVersion, RecordValidator validator, Clock clock) {
        this(dataSource, app, formVersion, validator, clock, LookupResolver.NONE);
    }

    /** @param lookups reads lookup targets for formulas such as {@code customer.region} */
    public RecordStore(DataSource dataSource, String app, int formVersion, RecordValidator validator, Clock clock,
                       LookupResolver lookups) {
        this.dataSource = dataSource;
        this.formVersion = formVersion;
        this.validator = validator;
        this.form = validator.schema().form();
        this.clock = clock;
        this.formulas = new FormulaValues(form, lookups);
        this.tableName = SqlNames.table(app, form.key());
        this.table = SqlNames.quote(tableName);
        this.historyTable = SqlNames.quote(SqlNames.historyTable(app, form.key()));
        this.sequenceTable = SqlNames.quote(SqlNames.sequenceTable(app, form.key()));
        this.referenceCheck = new ReferenceCheck(form);
        this.references = References.TRUSTED;
        this.hooks = SaveHooks.NONE;
        this.knownCounters = ConcurrentHashMap.newKeySet();
        this.listIndexes = new AtomicReference<>();
        for (FieldModel field : form.fields()) {
            if (field.type() == FieldType.SUBTABLE) {
                childTables.put(field.key(), SqlNames.quote(SqlNames.childTable(app, form.key(), field.key())));
            }
            if (field.type() == FieldType.SERIAL) {
                serials.put(field.key(), new SerialPattern(field.pattern()));
            }
        }
    }

    private RecordStore(RecordStore store, References references, SaveHooks hooks) {
        this.dataSource = store.dataSource;
        this.formVersion = store.formVersion;
        this.validator = store.validator;
        this.form = store.form;
        this.clock = store.clock;
        this.formulas = store.formulas;
        this.tableName = store.tableName;
        this.table = store.table;
        this.historyTable = store.historyTable;
        this.sequenceTable = store.sequenceTable;
        this.childTables.putAll(store.childTables);
        this.serials.putAll(store.serials);
        this.referenceCheck = store.referenceCheck;
        this.references = references;
        this.hooks = hooks;
        this.knownCounters = store.knownCounters;
        this.listIndexes = store.listIndexes;
    }

    /**
     * This store as one user uses it: lookups and files checked and described through {@code references}. Costs
     * nothing; the compiled parts are shared. A store made by the constructor trusts every reference
     * ({@link References#TRUSTED}).
     */
    public RecordStore withReferences(References references) {
        return new RecordStore(this, references, hooks);
    }

    /** This store with the platform's rules around every save ({@link SaveHooks}); costs nothing. */
    public RecordStore withHooks(SaveHooks hooks) {
        return new RecordStore(this, references, hooks);
    }

    /**
     * Runs the before-save hook; when it changed the record, computes the formulas again and validates the result.
     */
    private void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
        if (hooks == SaveHooks.NONE) {
            return;
        }
        ObjectNode before = record.deepCopy();
        hooks.beforeSave(record, stored, actor, locale);
        if (!record.equals(before)) {
            formulas.compute(record, clock, locale);
            List<RecordError> errors = validator.validate(record, locale);
            if (!errors.isEmpty()) {
                throw new InvalidRecordException(errors);
            }
        }
    }

    /**
     * Stores a new record owned by {@code actor}.
     *
     * @return its id
     * @throws InvalidRecordException when a value is refused (codes of {@link ErrorCode}, incl. {@code unique},
     *                                 {@code lookup_not_found}, {@code file_not_found}); nothing is written
     */
    public long create(String recordJson, Actor actor, Locale locale) throws SQLException {
        return createAll(List.of(recordJson), actor, locale).get(0);
    }

    /**
     * Stores new records owned by {@code actor} in one transaction on one connection: all of them, or none
     * when one is refused. A unique value is checked against the records stored before it in the same call
     * too. Serial counters stay locked until the end, so concurrent creates wait for a large batch.
     *
     * @return their ids, in order
     * @throws InvalidRecordInBatchException naming the first refused record by its index and saying why; nothing is written
     */
    public List<Long> createAll(List<String> recordsJson, Actor actor, Locale locale) throws SQLException {
        List<ObjectNode> records = new ArrayList<>(recordsJson.size());
        for (int i = 0; i < recordsJson.size(); i++) {
            try {
                ObjectNode record = validated(recordsJson.get(i), locale);
                referenceCheck.check(record, null, null, references, locale);
                RichText.sanitize(form.fields(), record);
                formulas.compute(record, clock, locale);
                beforeSave(record, null, actor, locale);
                records.add(record);
            } catch (InvalidRecordException e) {
                throw new InvalidRecordInBatchException(i, e.errors());
            }
        }
        LocalDateTime now = now();
        Map<String, String> periodKeys = new LinkedHashMap<>();
        serials.forEach((field, pattern) -> periodKeys.put(field, pattern.periodKey(now.toLocalDate())));
        int[] current = {0};
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, String> counter : periodKeys.entrySet()) {
                ensureCounter(c, counter.getKey(), counter.getValue());
            }
            List<Long> created = writeUnique(c, () -> refuseTaken(c, records.get(Math.min(current[0], records.size() - 1)), null, locale), () -> {
                List<Long> ids = new ArrayList<>(records.size());
                for (; current[0] < records.size(); current[0]++) {
                    ObjectNode record = records.get(current[0]);
                    refuseTaken(c, record, null, locale);
                    long id = insert(c, record, actor, now, periodKeys, locale);
                    hooks.afterSave(c, id, record, null, actor);
                    ids.add(id);
                }
                return ids;
            });
            hooks.written();
            return created;
        } catch (InvalidRecordException e) {
            throw e instanceof InvalidRecordInBatchException ? e : new InvalidRecordInBatchException(current[0], e.errors());
        }
    }

    /**
     * The row-scope columns the form's scope fields decide for this record (see {@link FormModel.Scope}): its dealer
     * code and org unit, each only when its field holds a value, so that a blank one leaves the writer's (on create)
     * or the stored one (on update).
     */
    private Map<String, Object> scopeColumns(ObjectNode record) {
        Map<String, Object> columns = new LinkedHashMap<>();
        JsonNode dealer = form.scope().dealerField() == null ? null : record.get(form.scope().dealerField());
        if (dealer != null && !dealer.isNull() && !dealer.asText().isBlank()) {
            columns.put(SystemColumns.DEALER_ID, dealer.asText());
        }
        JsonNode org = form.scope().orgField() == null ? null : record.get(form.scope().orgField());
        if (org != null && org.isNumber()) {
            columns.put(SystemColumns.ORG_ID, org.longValue());
        }
        return columns;
    }

    /** Inserts one validated record with its sub-table rows, numbering its serial fields, inside the caller's transaction. */
    private long insert(Connection c, ObjectNode record, Actor actor, LocalDateTime now, Map<String, String> periodKeys,
                        Locale locale) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>(fieldColumns(record));
        columns.put(SystemColumns.VERSION, 1);
        columns.put(SystemColumns.OWNER_ID, actor.userId());
        columns.put(SystemColumns.ORG_ID, actor.orgId());
        columns.put(SystemColumns.DEALER_ID, actor.dealerId());
        columns.putAll(scopeColumns(record));
        columns.put(SystemColumns.CREATED_BY, actor.userId());
        columns.put(SystemColumns.CREATED_AT, now);
        columns.put(SystemColumns.UPDATED_BY, actor.userId());
        columns.put(SystemColumns.UPDATED_AT, now);
        columns.put(SystemColumns.FORM_VERSION, formVersion);
        for (Map.Entry<String, SerialPattern> serial : serials.entrySet()) {
            String field = serial.getKey();
            String number = serial.getValue().format(now.toLocalDate(), nextNumber(c, field, periodKeys.get(field)));
            columns.put(field, number);
            // in the record too, so a unique serial an imported record already holds is named
            record.put(field, number);
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns.keySet().stream().map(SqlNames::quote).toList())
                + ") VALUES (" + placeholders(columns.size()) + ")";
        long id;
        try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, new ArrayList<>(columns.values()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertRows(c, id, record);
        referenceCheck.attach(c, id, record, references, locale);
        return id;
    }

    /**
     * The record with its formula fields and defaults as a save would compute them now, lookups and {@code LOOKUP}s
     * read from the database, without storing anything: for a page that shows them while the record is filled in. A
     * record still missing required values is computed all the same; a formula that cannot be computed yet gives a
     * blank. Empty when the formulas may not read the record: a value of the wrong type (validating names it), or a
     * lookup target the writer may not refer to, whose values a save would never let them see either.
     *
     * @throws InvalidRecordException when the text is no JSON object
     */
    public Optional<ObjectNode> preview(String recordJson, Locale locale) throws SQLException {
        ObjectNode record = parseObject(recordJson, locale);
        boolean typed = validator.validate(record, locale).stream()
                .allMatch(error -> error.code().equals(ErrorCode.REQUIRED.code()));
        if (!typed) {
            return Optional.empty();
        }
        try {
            referenceCheck.check(record, null, null, references, locale);
        } catch (InvalidRecordException notTheirs) {
            return Optional.empty();
        }
        try {
            formulas.compute(record, clock, locale);
        } catch (InvalidRecordException notYet) {
            // each formula that failed is blank in the record
        }
        return Optional.of(record);
    }

    /** The live record {@code id} with every field, its sub-table rows, system members and lookup display texts. */
    public Optional<ObjectNode> read(long id) throws SQLException {
        return read(id, RowFilter.ALL, Set.of());
    }

    /** The live record {@code id} if it is in {@code rows}, without the {@code hidden} fields. */
    public Optional<ObjectNode> read(long id, RowFilter rows, Set<String> hidden) throws SQLException {
        Optional<ObjectNode> record = stored(id, rows, hidden);
        if (record.isPresent()) {
            referenceCheck.display(List.of(record.get()), references);
        }
        return record;
    }

    /**
     * The live records among {@code ids} that {@code rows} lets through, without sub-table rows, hidden fields and
     * display texts, in no particular order: what other forms' lookups read of this one.
     */
    public List<ObjectNode> find(Collection<Long> ids, RowFilter rows, Set<String> hidden) throws SQLException {
        return find(ids, rows, hidden, List.of());
    }

    /**
     * As {@link #find(Collection, RowFilter, Set)}, of the records that also meet {@code filters} (a lookup's
     * conditions on its target).
     *
     * @throws InvalidQueryException when a filter names no visible field or does not fit its type
     */
    public List<ObjectNode> find(Collection<Long> ids, RowFilter rows, Set<String> hidden, List<ListQuery.Filter> filters)
            throws SQLException {
        List<ObjectNode> found = new ArrayList<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += FIND_BATCH) {
                List<Long> batch = all.subList(from, Math.min(all.size(), from + FIND_BATCH));
                List<Object> params = new ArrayList<>(batch);
                StringBuilder where = new StringBuilder(q(SystemColumns.ID) + " IN (" + placeholders(batch.size())
                        + ") AND " + q(SystemColumns.DELETED_AT) + " IS NULL AND (" + rows.sql(params) + ")");
                for (ListQuery.Filter filter : filters) {
                    where.append(" AND ").append(condition(filter, hidden, params));
                }
                found.addAll(select(c, where.toString(), "", params, hidden));
            }
        }
        return found;
    }

    /** The record as stored, without display texts. */
    private Optional<ObjectNode> stored(long id, RowFilter rows, Set<String> hidden) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(id));
        String where = q(SystemColumns.ID) + " = ? AND " + q(SystemColumns.DELETED_AT) + " IS NULL AND ("
                + rows.sql(params) + ")";
        try (Connection c = dataSource.getConnection()) {
            List<ObjectNode> found = select(c, where, "", params, hidden);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ObjectNode record = found.get(0);
            for (FieldModel field : form.fields()) {
                if (field.type() == FieldType.SUBTABLE && !hidden.contains(field.key())) {
                    record.set(field.key(), readRows(c, id, field));
                }
            }
            return Optional.of(record);
        }
    }

    /**
     * Changes the members of {@code patchJson} (null clears a value; a sub-table given is replaced as
     * a whole) of the record at {@code expectedVersion}; the merged record is validated as a whole.
     *
     * @return the record's new version
     * @throws RecordNotFoundException when there is no live record {@code id}
     * @throws StaleRecordException    when the record is no longer at {@code expectedVersion}; nothing is changed
     * @throws InvalidRecordException  when the merged record is refused; nothing is changed
     */
    public int update(long id, int expectedVersion, String patchJson, Actor actor, Locale locale) throws SQLException {
        ObjectNode stored = stored(id, RowFilter.ALL, Set.of()).orElseThrow(() -> new RecordNotFoundException(id));
        if (stored.path(SystemColumns.VERSION).intValue() != expectedVersion) {
            throw new StaleRecordException(id, expectedVersion);
        }
        ObjectNode patch = parseObject(patchJson, locale);
        ObjectNode merged = clientValues(stored);
        merged.setAll(patch);
        List<RecordError> errors = validator.validate(merged, locale);
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
        referenceCheck.check(merged, stored, id, references, locale);
        RichText.sanitize(form.fields(), merged);
        formulas.compute(merged, clock, locale);
        ObjectNode beforeHook = merged.deepCopy();
        ObjectNode before = clientValues(stored);
        before.put(SystemColumns.ID, id);
        beforeSave(merged, before, actor, locale);
        // What the hook changed is written like what was sent.
        merged.fieldNames().forEachRemaining(name -> {
            if (!merged.get(name).equals(beforeHook.get(name))) {
                patch.set(name, merged.get(name));
            }
        });
        for (FieldModel field : form.fields()) {
            boolean computed = field.type() == FieldType.FORMULA
                    || field.type() == FieldType.SUBTABLE && FormulaValues.hasFormulaColumns(field);
            // what was sent, as checked, described and sanitised above, and what it makes the formulas
            if (patch.has(field.key()) || computed && merged.has(field.key())) {
                patch.set(field.key(), merged.get(field.key()));
            }
        }
        LocalDateTime now = now();
        Map<String, Object> columns = new LinkedHashMap<>(fieldColumns(patch));
        columns.putAll(scopeColumns(merged));
        columns.put(SystemColumns.UPDATED_BY, actor.userId());
        columns.put(SystemColumns.UPDATED_AT, now);
        columns.put(SystemColumns.FORM_VERSION, formVersion);
        List<Object> params = new ArrayList<>(columns.values());
        params.add(id);
        params.add(expectedVersion);
        String sql = "UPDATE " + table + " SET " + String.join(", ", columns.keySet().stream().map(k -> q(k) + " = ?").toList())
                + ", " + q(SystemColumns.VERSION) + " = " + q(SystemColumns.VERSION) + " + 1 WHERE " + q(SystemColumns.ID)
                + " = ? AND " + q(SystemColumns.VERSION) + " = ? AND " + q(SystemColumns.DELETED_AT) + " IS NULL";
        try (Connection c = dataSource.getConnection()) {
            refuseTaken(c, patch, id, locale);
            writeUnique(c, () -> refuseTaken(c, patch, id, locale), () -> {
                if (execute(c, sql, params) == 0) {
                    throw new StaleRecordException(id, expectedVersion);
                }
                for (FieldModel field : form.fields()) {
                    if (field.type() == FieldType.SUBTABLE && patch.has(field.key())) {
                        execute(c, "DELETE FROM " + childTables.get(field.key()) + " WHERE " + q(SystemColumns.PARENT_ID)
                                + " = ?", List.of(id));
                    }
                }
                insertRows(c, id, patch);
                referenceCheck.attach(c, id, patch, references, locale);
                insertHistory(c, id, stored, patch, actor, now);
                hooks.afterSave(c, id, merged, clientValues(stored), actor);
                return id;
            });
        }
        hooks.written();
        return expectedVersion + 1;
    }

    /**
     * Sets the record's workflow status and process instance, which its approval process owns; neither the record's
     * version nor its history changes, so an edit open elsewhere stays current.
     *
     * @throws RecordNotFoundException when there is no live record {@code id}
     */
    public void setWorkflow(long id, String status, String processInstanceId) throws SQLException {
        if (!moveWorkflow(id, null, status, processInstanceId)) {
            throw new RecordNotFoundException(id);
        }
    }

    /**
     * Sets the record's workflow status and process instance if its status is now one of {@code from} (null in it
     * standing for a record never submitted); {@code from} null moves it whatever its status.
     *
     * @return false when there is no such live record or its status is not one of {@code from}
     */
    public boolean moveWorkflow(long id, Collection<String> from, String status, String processInstanceId)
            throws SQLException {
        List<Object> params = new ArrayList<>(Arrays.asList(status, processInstanceId, id));
        String condition = "";
        if (from != null) {
            List<String> named = from.stream().filter(java.util.Objects::nonNull).toList();
            List<String> alternatives = new ArrayList<>();
            if (from.contains(null)) {
                alternatives.add(q(SystemColumns.WORKFLOW_STATUS) + " IS NULL");
            }
            if (!named.isEmpty()) {
                alternatives.add(q(SystemColumns.WORKFLOW_STATUS) + " IN (" + placeholders(named.size()) + ")");
                params.addAll(named);
            }
            condition = " AND (" + String.join(" OR ", alternatives) + ")";
        }
        boolean moved;
        try (Connection c = dataSource.getConnection()) {
            moved = execute(c, "UPDATE " + table + " SET " + q(SystemColumns.WORKFLOW_STATUS) + " = ?, "
                    + q(SystemColumns.PROCESS_INSTANCE_ID) + " = ? WHERE " + q(SystemColumns.ID) + " = ? AND "
                    + q(SystemColumns.DELETED_AT) + " IS NULL" + condition, params) > 0;
        }
        if (moved) {
            hooks.written();
        }
        return moved;
    }

    /** The fields updates changed on record {@code id} (live or deleted), oldest change first. */
    public List<FieldChange> history(long id) throws SQLException {
        String sql = "SELECT " + String.join(", ", List.of(SystemColumns.CHANGED_AT, SystemColumns.CHANGED_BY,
                SystemColumns.FIELD, SystemColumns.OLD_VALUE, SystemColumns.NEW_VALUE).stream().map(RecordStore::q).toList())
                + " FROM " + historyTable + " WHERE " + q(SystemColumns.RECORD_ID) + " = ? ORDER BY " + q(SystemColumns.ID);
        List<FieldChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, List.of(id));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new FieldChange(
                            StoredValues.fromSql(FieldStorage.DATETIME, rs, SystemColumns.CHANGED_AT, JSON).asText(),
                            rs.getLong(SystemColumns.CHANGED_BY), rs.getString(SystemColumns.FIELD),
                            StoredValues.fromSql(FieldStorage.JSON, rs, SystemColumns.OLD_VALUE, JSON),
                            StoredValues.fromSql(FieldStorage.JSON, rs, SystemColumns.NEW_VALUE, JSON)));
                }
            }
        }
        return changes;
    }

    /**
     * Moves the record to the recycle bin: it is no longer read or listed, its unique values stay taken.
     *
     * @throws RecordNotFoundException when there is no live record {@code id}
     * @throws StaleRecordException    when it is no longer at {@code expectedVersion}
     */
    public void delete(long id, int expectedVersion, Actor actor) throws SQLException {
        String sql = "UPDATE " + table + " SET " + q(SystemColumns.DELETED_AT) + " = ?, " + changedBy()
                + " WHERE " + q(SystemColumns.ID) + " = ? AND " + q(SystemColumns.VERSION) + " = ? AND "
                + q(SystemColumns.DELETED_AT) + " IS NULL";
        LocalDateTime now = now();
        try (Connection c = dataSource.getConnection()) {
            if (execute(c, sql, List.of(now, actor.userId(), now, id, expectedVersion)) == 0) {
                throw stored(id, RowFilter.ALL, Set.of()).isPresent() ? new StaleRecordException(id, expectedVersion) : new RecordNotFoundException(id);
            }
        }
        hooks.written();
    }

    /**
     * Takes a deleted record out of the recycle bin.
     *
     * @throws RecordNotFoundException when no deleted record has that id
     */
    public void restore(long id, Actor actor) throws SQLException {
        String sql = "UPDATE " + table + " SET " + q(SystemColumns.DELETED_AT) + " = NULL, " + changedBy()
                + " WHERE " + q(SystemColumns.ID) + " = ? AND " + q(SystemColumns.DELETED_AT) + " IS NOT NULL";
        try (Connection c = dataSource.getConnection()) {
            if (execute(c, sql, List.of(actor.userId(), now(), id)) == 0) {
                throw new RecordNotFoundException(id);
            }
        }
        hooks.written();
    }

    /**
     * One page of live records in {@code query.rows()}, ordered by the sort column and then the id, so
     * following {@link Page#nextCursor()} visits every record once even when sort values repeat. Records
     * without a sort value come last when sorting newest first and first otherwise. No count is made.
     *
     * @throws InvalidQueryException when a filter, the sort or the cursor does not fit the form
     */
    public Page list(ListQuery query) throws SQLException {
        String sortName = query.sort() == null ? SystemColumns.ID : query.sort();
        FieldStorage sortStorage = sortable(sortName, query.hidden());
        List<Object> params = new ArrayList<>();
        StringBuilder where = matching(query, params);
        Keyset keyset = new Keyset(sortName, sortStorage, query.descending());
        if (query.after() != null) {
            where.append(" AND ").append(keyset.after(query.after(), params));
        }
        List<ObjectNode> records;
        try (Connection c = dataSource.getConnection()) {
            String order = (sortName.equals(SystemColumns.ID) ? sameValuedColumns(c, query) : "") + keyset.orderBy()
                    + " LIMIT " + (query.pageSize() + 1);
            records = select(c, where.toString(), order, params, query.hidden());
        }
        boolean hasMore = records.size() > query.pageSize();
        if (hasMore) {
            records = records.subList(0, query.pageSize());
        }
        referenceCheck.display(records, references);
        return new Page(records, hasMore, hasMore ? keyset.cursor(records.get(records.size() - 1)) : null);
    }

    /**
     * How many live records match the query's row scope and filters, counted up to {@code cap}: a list shows
     * "1,234 records" or "10,000+" without the unbounded {@code COUNT(*)} that makes lists of millions slow. Only
     * the first {@code cap + 1} matching index entries are read.
     *
     * @return the count, or {@code cap + 1} when there are more than {@code cap}
     */
    public long count(ListQuery query, int cap) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " WHERE " + matching(query, params)
                + " LIMIT " + (cap + 1) + ") " + q("matched");
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Live records in the query's row scope that meet its filters, without the keyset. */
    private StringBuilder matching(ListQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder(q(SystemColumns.DELETED_AT) + " IS NULL AND (")
                .append(query.rows().sql(params)).append(')');
        for (ListQuery.Filter filter : query.filters()) {
            where.append(" AND ").append(condition(filter, query.hidden(), params));
        }
        return where;
    }

    /**
     * On H2, the field of the first equality filter and {@code deleted_at}, to put before the id in ORDER
     * BY when the field has its list index {@code (field, deleted_at, id)} (see {@link TableModel}): both
     * hold one value in every record listed, so the order stays the same, but H2 reads an index in
     * order, stopping after a page, only when ORDER BY starts with the index's columns; by the id alone it
     * reads every record with the value and sorts them (2 s a page of a million records). MySQL and
     * MariaDB read that index in id order by themselves and sort instead when ORDER BY names
     * {@code deleted_at}, so they get nothing here.
     */
    private String sameValuedColumns(Connection c, ListQuery query) throws SQLException {
        Optional<String> field = query.filters().stream().filter(f -> f.op() == ListQuery.Op.EQ)
                .map(ListQuery.Filter::field).findFirst();
        if (field.isEmpty() || !h2ListIndexes(c).contains(field.get())) {
            return "";
        }
        String direction = query.descending() ? " DESC, " : " ASC, ";
        return q(field.get()) + direction + q(SystemColumns.DELETED_AT) + direction;
    }

    /** The fields with a list index, read from the database once; none unless it is H2. */
    private Set<String> h2ListIndexes(Connection c) throws SQLException {
        Set<String> fields = listIndexes.get();
        if (fields == null) {
            fields = !"H2".equals(c.getMetaData().getDatabaseProductName()) ? Set.of()
                    : DatabaseTables.read(c, List.of(tableName)).values().stream()
                    .flatMap(t -> t.indexes().stream())
                    .map(index -> index.columns().stream().map(column -> column.toLowerCase(Locale.ROOT)).toList())
                    .filter(columns -> columns.size() == 3
                            && columns.subList(1, 3).equals(List.of(SystemColumns.DELETED_AT, SystemColumns.ID)))
                    .map(columns -> columns.get(0))
                    .collect(Collectors.toUnmodifiableSet());
            listIndexes.set(fields);
        }
        return fields;
    }

    // ---- writing

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface Check {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. A duplicate key means a concurrent writer took a unique
     * value after {@link #refuseTaken} looked; {@code namesTaken} asks again, after the rollback, to
     * name the field.
     */
    private <T> T writeUnique(Connection c, Check namesTaken, Work<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            // The caller's transaction (a record submitted with its process) commits or rolls back the whole.
            try {
                return work.run();
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    namesTaken.run();
                }
                throw e;
            }
        }
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            T result = work.run();
            c.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            c.rollback();
            if (isDuplicateKey(e)) {
                c.setAutoCommit(true);
                namesTaken.run();
            }
            throw e;
        } catch (RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            hooks.afterCompletion(committed);
        }
    }

    /**
     * Makes sure the counter row exists, outside the create's transaction and at 0 so it hands out no
     * number. Creating it inside would let concurrent first creates of a period all insert, all but
     * one fail on the unique key while holding a shared lock on it, and deadlock on the increment.
     */
    private void ensureCounter(Connection c, String field, String periodKey) throws SQLException {
        List<String> counter = List.of(field, periodKey);
        if (knownCounters.contains(counter)) {
            return;
        }
        boolean present;
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + sequenceTable + COUNTER_ROW)) {
            bind(s, counter);
            try (ResultSet rs = s.executeQuery()) {
                present = rs.next();
            }
        }
        if (!present) {
            try {
                execute(c, "INSERT INTO " + sequenceTable + " (" + q(SystemColumns.FIELD) + ", " + q(SystemColumns.PERIOD_KEY)
                        + ", " + q(SystemColumns.SEQ_VALUE) + ") VALUES (?, ?, 0)", counter);
            } catch (SQLException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                // a concurrent create made the row first, which is all that was needed
            }
        }
        knownCounters.add(counter);
    }

    /** Takes the next number; the increment locks the counter row until the caller's transaction ends. */
    private long nextNumber(Connection c, String field, String periodKey) throws SQLException {
        int counted = execute(c, "UPDATE " + sequenceTable + " SET " + q(SystemColumns.SEQ_VALUE) + " = "
                + q(SystemColumns.SEQ_VALUE) + " + 1" + COUNTER_ROW, List.of(field, periodKey));
        if (counted == 0) {
            // Deleted by hand since this store saw it, and likely the others too: the next create looks again.
            knownCounters.clear();
            throw new SQLException("The counter of serial field '" + field + "' for " + periodKey + " is missing from "
                    + sequenceTable);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + q(SystemColumns.SEQ_VALUE) + " FROM " + sequenceTable
                + COUNTER_ROW)) {
            bind(s, List.of(field, periodKey));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return SQL_STATE_UNIQUE_VIOLATION.equals(e.getSQLState()) || e.getErrorCode() == MYSQL_DUPLICATE_KEY;
    }

    /** Refuses values of {@code unique} fields that another record (live or deleted: the index covers both) holds. */
    private void refuseTaken(Connection c, ObjectNode values, Long id, Locale locale) throws SQLException {
        List<RecordError> taken = new ArrayList<>();
        for (FieldModel field : form.fields()) {
            JsonNode value = values.path(field.key());
            if (!field.unique() || field.type() == FieldType.SUBTABLE || value.isNull() || value.isMissingNode()) {
                continue;
            }
            String sql = "SELECT 1 FROM " + table + " WHERE " + q(field.key()) + " = ? AND " + q(SystemColumns.ID) + " <> ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, List.of(StoredValues.toSql(StoredValues.storage(field), value), id == null ? 0L : id));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        taken.add(RecordError.of("/" + field.key(), ErrorCode.UNIQUE, field.label(), null, locale));
                    }
                }
            }
        }
        if (!taken.isEmpty()) {
            throw new InvalidRecordException(taken);
        }
    }

    private void insertRows(Connection c, long parentId, ObjectNode values) throws SQLException {
        for (FieldModel field : form.fields()) {
            JsonNode rows = values.path(field.key());
            if (field.type() != FieldType.SUBTABLE || !rows.isArray() || rows.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(SystemColumns.PARENT_ID, SystemColumns.ROW_ORDER));
            field.columns().forEach(column -> names.add(column.key()));
            String sql = "INSERT INTO " + childTables.get(field.key()) + " ("
                    + String.join(", ", names.stream().map(RecordStore::q).toList()) + ") VALUES (" + placeholders(names.size()) + ")";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int i = 0; i < rows.size(); i++) {
                    List<Object> params = new ArrayList<>(List.of(parentId, i + 1));
                    for (FieldModel column : field.columns()) {
                        params.add(StoredValues.toSql(StoredValues.storage(column), rows.get(i).get(column.key())));
                    }
                    bind(insert, params);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** A row per member of {@code patch} whose value differs from the stored one as the column holds it. */
    private void insertHistory(Connection c, long id, ObjectNode stored, ObjectNode patch, Actor actor,
                               LocalDateTime now) throws SQLException {
        List<String> names = List.of(SystemColumns.RECORD_ID, SystemColumns.CHANGED_AT, SystemColumns.CHANGED_BY,
                SystemColumns.FIELD, SystemColumns.OLD_VALUE, SystemColumns.NEW_VALUE);
        String sql = "INSERT INTO " + historyTable + " (" + String.join(", ", names.stream().map(RecordStore::q).toList())
                + ") VALUES (" + placeholders(names.size()) + ")";
        ObjectNode before = values(form.fields(), stored, false);
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (FieldModel field : form.fields()) {
                JsonNode next = patch.get(field.key());
                JsonNode previous = before.get(field.key());
                if (next == null || sameValue(field, previous, next)) {
                    continue;
                }
                bind(insert, Arrays.asList(id, now, actor.userId(), field.key(),
                        previous == null ? null : previous.toString(), next.isNull() ? null : next.toString()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Whether two values are stored alike: {@code 1.50} and {@code 1.5}, or one instant at two
     * offsets, are no change. Sub-table rows compare as JSON with numbers by value.
     */
    private static boolean sameValue(FieldModel field, JsonNode previous, JsonNode next) {
        boolean previousBlank = previous == null || previous.isNull();
        if (previousBlank || next.isNull()) {
            return previousBlank && next.isNull();
        }
        if (field.type() == FieldType.SUBTABLE) {
            return previous.equals(RecordStore::compareNodes, next);
        }
        FieldStorage storage = StoredValues.storage(field);
        Object a = StoredValues.toSql(storage, previous);
        Object b = StoredValues.toSql(storage, next);
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
    }

    private static int compareNodes(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    /** Column values of the record's scalar members; validation has made sure every member is a field. */
    private Map<String, Object> fieldColumns(ObjectNode values) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (FieldModel field : form.fields()) {
            if (field.type() != FieldType.SUBTABLE && values.has(field.key())) {
                columns.put(field.key(), StoredValues.toSql(StoredValues.storage(field), values.get(field.key())));
            }
        }
        return columns;
    }

    private ObjectNode validated(String recordJson, Locale locale) {
        ObjectNode record = parseObject(recordJson, locale);
        List<RecordError> errors = validator.validate(record, locale);
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
        return record;
    }

    /**
     * The text as an object, read once with the validator's bounds and exact decimals (the tree is
     * validated and stored as it is), or the errors validation gives text that is none.
     */
    private ObjectNode parseObject(String json, Locale locale) {
        try {
            JsonNode tree = json == null ? null : RecordValidator.parse(json);
            if (tree != null && tree.isObject()) {
                return (ObjectNode) tree;
            }
        } catch (JsonProcessingException e) {
            // validate(String) below names what is wrong with the text
        }
        throw new InvalidRecordException(validator.validate(json, locale));
    }

    /** What a client could have sent to produce {@code stored}: no system members, no platform-set or empty values. */
    private ObjectNode clientValues(ObjectNode stored) {
        return values(form.fields(), stored, true);
    }

    /** {@code clientOnly} false keeps the platform-set values too, to compare with what an update stores. */
    private static ObjectNode values(List<FieldModel> fields, JsonNode stored, boolean clientOnly) {
        ObjectNode values = JSON.createObjectNode();
        for (FieldModel field : fields) {
            JsonNode value = stored.path(field.key());
            if (clientOnly && field.systemSet() || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (field.type() == FieldType.SUBTABLE) {
                ArrayNode rows = values.putArray(field.key());
                value.forEach(row -> rows.add(values(field.columns(), row, clientOnly)));
            } else {
                values.set(field.key(), value);
            }
        }
        return values;
    }

    private String changedBy() {
        return q(SystemColumns.UPDATED_BY) + " = ?, " + q(SystemColumns.UPDATED_AT) + " = ?, "
                + q(SystemColumns.VERSION) + " = " + q(SystemColumns.VERSION) + " + 1";
    }

    /** DATETIME(3) keeps milliseconds; truncating here makes what is returned equal what is stored. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- reading

    private List<ObjectNode> select(Connection c, String where, String order, List<Object> params, Set<String> hidden)
            throws SQLException {
        List<FieldModel> fields = form.fields().stream()
                .filter(f -> f.type() != FieldType.SUBTABLE && !hidden.contains(f.key())).toList();
        List<String> names = new ArrayList<>(SYSTEM.keySet());
        fields.forEach(f -> names.add(f.key()));
        String sql = "SELECT " + String.join(", ", names.stream().map(RecordStore::q).toList()) + " FROM " + table
                + " WHERE " + where + (order.isEmpty() ? "" : " ORDER BY " + order);
        List<ObjectNode> records = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectNode record = JSON.createObjectNode();
                    for (Map.Entry<String, FieldStorage> system : SYSTEM.entrySet()) {
                        record.set(system.getKey(), StoredValues.fromSql(system.getValue(), rs, system.getKey(), JSON));
                    }
                    for (FieldModel field : fields) {
                        record.set(field.key(), StoredValues.fromSql(StoredValues.storage(field), rs, field.key(), JSON));
                    }
                    records.add(record);
                }
            }
        }
        return records;
    }

    private ArrayNode readRows(Connection c, long id, FieldModel subtable) throws SQLException {
        String sql = "SELECT " + String.join(", ", subtable.columns().stream().map(f -> q(f.key())).toList())
                + " FROM " + childTables.get(subtable.key()) + " WHERE " + q(SystemColumns.PARENT_ID) + " = ? ORDER BY "
                + q(SystemColumns.ROW_ORDER);
        ArrayNode rows = JSON.createArrayNode();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, List.of(id));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectNode row = rows.addObject();
                    for (FieldModel column : subtable.columns()) {
                        row.set(column.key(), StoredValues.fromSql(StoredValues.storage(column), rs, column.key(), JSON));
                    }
                }
            }
        }
        return rows;
    }

    // ---- list queries

    /** The storage of a column the list may sort by: the id, creation and change times, or a visible scalar field. */
    private FieldStorage sortable(String name, Set<String> hidden) {
        if (name.equals(SystemColumns.ID) || name.equals(SystemColumns.CREATED_AT) || name.equals(SystemColumns.UPDATED_AT)) {
            return SYSTEM.get(name);
        }
        FieldStorage storage = visibleField(name, hidden, "sort").map(StoredValues::storage).orElseThrow();
        if (storage == FieldStorage.JSON || storage == FieldStorage.TEXT) {
            throw new InvalidQueryException("sort", "The field '" + name + "' cannot be sorted by");
        }
        return storage;
    }

    private Optional<FieldModel> visibleField(String key, Set<String> hidden, String parameter) {
        Optional<FieldModel> field = form.field(key).filter(f -> f.type() != FieldType.SUBTABLE && !hidden.contains(key));
        if (field.isEmpty()) {
            throw new InvalidQueryException(parameter, "The form has no field '" + key + "' to " + parameter + " by");
        }
        return field;
    }

    private String condition(ListQuery.Filter filter, Set<String> hidden, List<Object> params) {
        FieldModel field = visibleField(filter.field(), hidden, "filter").orElseThrow();
        FieldStorage storage = StoredValues.storage(field);
        if (!allows(storage, filter.op())) {
            throw new InvalidQueryException(filter.field(), "The field '" + filter.field() + "' cannot be filtered with "
                    + filter.op().name().toLowerCase(Locale.ROOT));
        }
        String column = q(field.key());
        if (filter.op() == ListQuery.Op.CONTAINS) {
            // Lower-cased on both sides: H2 compares case-sensitively and MariaDB's collation does not, and a
            // search box must find "Acme" from "acme" on every database alike.
            params.add("%" + escapeLike(filter.value().toLowerCase(Locale.ROOT)) + "%");
            return "LOWER(" + column + ") LIKE ? ESCAPE '!'";
        }
        Object value;
        try {
            value = StoredValues.toSql(storage, TextNode.valueOf(filter.value()));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(filter.field(), e.getMessage());
        }
        if (value == null) {
            throw new InvalidQueryException(filter.field(), "A filter needs a value");
        }
        params.add(value);
        // "not equal" includes records without a value, as a user reading the list expects.
        return filter.op() == ListQuery.Op.NE
                ? "(" + column + " <> ? OR " + column + " IS NULL)"
                : column + " " + filter.op().sql + " ?";
    }

    private static boolean allows(FieldStorage storage, ListQuery.Op op) {
        return switch (storage) {
            case STRING, TEXT -> true;
            case INTEGER, DECIMAL, DATE, DATETIME, TIME -> op != ListQuery.Op.CONTAINS;
            case BOOLEAN, REFERENCE -> op == ListQuery.Op.EQ || op == ListQuery.Op.NE;
            case JSON, CHILD_TABLE -> false;
        };
    }

    /** {@code !} is the escape character: unlike a backslash it means the same in MySQL and H2 string literals. */
    static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * Position after a record in (sort column, id) order. A cursor carries the sort it was made for,
     * so a cursor of another sort is refused instead of skipping records.
     */
    private record Keyset(String sort, FieldStorage storage, boolean descending) {

        String orderBy() {
            String dir = descending ? " DESC" : " ASC";
            if (sort.equals(SystemColumns.ID)) {
                return q(SystemColumns.ID) + dir;
            }
            // Spelled out rather than left to the database: blanks last when newest first, first otherwise.
            return q(sort) + " IS NULL" + (descending ? " ASC, " : " DESC, ") + q(sort) + dir + ", " + q(SystemColumns.ID) + dir;
        }

        String cursor(ObjectNode last) {
            ArrayNode position = JSON.createArrayNode().add(sort).add(descending).add(last.get(sort))
                    .add(last.get(SystemColumns.ID));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(position.toString().getBytes(StandardCharsets.UTF_8));
        }

        String after(String cursor, List<Object> params) {
            JsonNode position;
            Object value;
            long id;
            try {
                position = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
                if (!position.isArray() || position.size() != 4 || !position.get(0).asText().equals(sort)
                        || position.get(1).asBoolean() != descending || !position.get(3).isIntegralNumber()) {
                    throw new IllegalArgumentException("not this list's cursor");
                }
                value = StoredValues.toSql(storage, position.get(2));
                id = position.get(3).longValue();
            } catch (IllegalArgumentException | IOException e) {
                throw new InvalidQueryException("after", "The cursor does not belong to this list");
            }
            String c = q(sort);
            String cmp = descending ? " < " : " > ";
            String idAfter = q(SystemColumns.ID) + cmp + "?";
            if (sort.equals(SystemColumns.ID)) {
                params.add(id);
                return idAfter;
            }
            if (value == null) {
                params.add(id);
                return descending ? "(" + c + " IS NULL AND " + idAfter + ")"
                        : "((" + c + " IS NULL AND " + idAfter + ") OR " + c + " IS NOT NULL)";
            }
            params.addAll(List.of(value, value, id));
            return "(" + c + cmp + "? OR (" + c + " = ? AND " + idAfter + ")" + (descending ? " OR " + c + " IS NULL)" : ")");
        }
    }

    // ---- SQL helpers

    private static String q(String name) {
        return SqlNames.quote(name);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static int execute(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }

    private static Map<String, FieldStorage> systemColumns() {
        Map<String, FieldStorage> columns = new LinkedHashMap<>();
        columns.put(SystemColumns.ID, FieldStorage.INTEGER);
        columns.put(SystemColumns.VERSION, FieldStorage.INTEGER);
        columns.put(SystemColumns.OWNER_ID, FieldStorage.REFERENCE);
        columns.put(SystemColumns.ORG_ID, FieldStorage.REFERENCE);
        columns.put(SystemColumns.DEALER_ID, FieldStorage.STRING);
        columns.put(SystemColumns.CREATED_BY, FieldStorage.REFERENCE);
        columns.put(SystemColumns.CREATED_AT, FieldStorage.DATETIME);
        columns.put(SystemColumns.UPDATED_BY, FieldStorage.REFERENCE);
        columns.put(SystemColumns.UPDATED_AT, FieldStorage.DATETIME);
        columns.put(SystemColumns.WORKFLOW_STATUS, FieldStorage.STRING);
        columns.put(SystemColumns.PROCESS_INSTANCE_ID, FieldStorage.STRING);
        columns.put(SystemColumns.FORM_VERSION, FieldStorage.INTEGER);
        return Collections.unmodifiableMap(columns);
    }
}
