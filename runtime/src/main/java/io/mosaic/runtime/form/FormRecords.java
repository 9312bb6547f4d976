package io.mosaic.runtime.form;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.FormPermission;
import io.mosaic.api.security.RowCondition;
import io.mosaic.api.security.RowScope;
import io.mosaic.api.security.UserContext;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.FormulaValue;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.LookupResolver;
import io.mosaic.form.store.InvalidQueryException;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.RecordNotFoundException;
import io.mosaic.form.store.StaleRecordException;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SaveHooks;
import io.mosaic.form.store.SqlNames;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.runtime.security.CurrentUser;
import io.mosaic.runtime.web.ApiException;

/**
 * The one way web code reaches a form's records: the published form, the user's permission on it for an action,
 * and the record store of that version. Every path that touches records (CRUD, lists, import, export, files)
 * goes through {@link #access}, so row scope and field access apply to all of them alike.
 */
@Component
public class FormRecords {

    private final PublishedForms forms;
    private final DataSource dataSource;
    private final UploadedFiles files;
    private final FormDataVersions dataVersions;
    /** Looked up on use: the rules behind it read records through this. */
    private final ObjectProvider<RecordHooks> hooks;
    /** One store per published version; a newer version's store replaces nothing, old ones simply go unused. */
    private final Map<String, RecordStore> stores = new ConcurrentHashMap<>();

    FormRecords(PublishedForms forms, DataSource dataSource, UploadedFiles files, ObjectProvider<RecordHooks> hooks,
                FormDataVersions dataVersions) {
        this.forms = forms;
        this.dataVersions = dataVersions;
        this.hooks = hooks;
        // Record writes join the caller's transaction when there is one (a record submitted with its process).
        this.dataSource = dataSource instanceof TransactionAwareDataSourceProxy ? dataSource
                : new TransactionAwareDataSourceProxy(dataSource);
        this.files = files;
    }

    /**
     * The published form and the user's permission on it for {@code action}: 404 when the user may not read the
     * form (as for its schema), 403 when they may read it but not do {@code action}.
     */
    public Access access(String app, String form, Authentication user, FormAction action) {
        UserContext context = CurrentUser.of(user);
        PublishedForms.Published published = forms.published(app, form, user);
        if (!published.permission().allows(action)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden",
                    "You may not " + action.name().toLowerCase(Locale.ROOT) + " records of form '" + form + "'");
        }
        return new Access(published, context, store(published), user);
    }

    /** The user's {@code read} access to a form, or empty when they may not read it (nor see it at all). */
    public Optional<Access> readable(String app, String form, Authentication user) {
        try {
            return Optional.of(access(app, form, user, FormAction.READ));
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The record as an approval step's assignee sees it: the task's field access ({@code taskAccess} per top-level
     * field) over every row, except that a field hidden from the user by their own permission stays hidden.
     */
    public Access forTask(String app, String form, Authentication user, Function<String, FieldAccess> taskAccess) {
        PublishedForms.Published latest = latestOrFail(app, form);
        FormPermission own;
        try {
            own = forms.published(app, form, user).permission();
        } catch (ApiException notReadable) {
            own = FormPermission.none();
        }
        Map<String, FieldAccess> fields = new LinkedHashMap<>();
        for (FieldModel field : latest.validator().schema().form().fields()) {
            fields.put(field.key(), own.field(field.key()) == FieldAccess.HIDDEN ? FieldAccess.HIDDEN
                    : taskAccess.apply(field.key()));
        }
        FormPermission permission = new FormPermission(Set.of(FormAction.READ, FormAction.UPDATE), Set.of(RowScope.ALL),
                fields, Set.of());
        PublishedForms.Published asTask = new PublishedForms.Published(latest.app(), latest.form(), latest.version(),
                latest.checksum(), latest.definition(), latest.validator(), permission);
        return new Access(asTask, CurrentUser.of(user), store(asTask), user);
    }

    /** The model of a form's newest published version, if any (no user's permission applies). */
    public Optional<FormModel> latestModel(String app, String form) {
        return forms.latestModel(app, form);
    }

    /** The newest published form, for the platform's own work on its records (no user's permission applies). */
    public PublishedForms.Published latestOrFail(String app, String form) {
        return forms.latest(app, form).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "form.not_found",
                "The app '" + app + "' has no published form '" + form + "'"));
    }

    /** The store of the newest published form, for the platform's own writes (workflow status). */
    public RecordStore systemStore(String app, String form) {
        return store(latestOrFail(app, form)).withHooks(hooksOf(app, form));
    }

    /**
     * The store of the newest published form without the app's rules around saves (report caches still learn of
     * the change): for bulk writes whose rule effects are already in the data, such as demo shipments of orders
     * generated as shipped, where each save's rule would otherwise read every order.
     */
    public RecordStore systemStoreWithoutRules(String app, String form) {
        return store(latestOrFail(app, form)).withHooks(dataVersions.counting(app, form, SaveHooks.NONE));
    }

    private SaveHooks hooksOf(String app, String form) {
        RecordHooks provider = hooks.getIfAvailable();
        return dataVersions.counting(app, form, provider == null ? SaveHooks.NONE : provider.forForm(app, form));
    }

    /**
     * Record {@code id} as formulas read it (workflow conditions): its fields, sub-table columns as lists, and the
     * fields of lookup targets ({@code dealer.available_credit}), whoever asks.
     */
    public FormulaContext facts(String app, String form, long id, Clock clock) throws SQLException {
        PublishedForms.Published latest = latestOrFail(app, form);
        ObjectNode record = store(latest).read(id, RowFilter.ALL, Set.of())
                .orElseThrow(() -> new RecordNotFoundException(id));
        return factsOf(latest, record, clock);
    }

    /** A record's values, not necessarily stored (one being saved), as formulas read them; see {@link #facts}. */
    public FormulaContext factsOf(String app, String form, ObjectNode record, Clock clock) {
        return factsOf(latestOrFail(app, form), record, clock);
    }

    private FormulaContext factsOf(PublishedForms.Published published, ObjectNode record, Clock clock) {
        FormModel model = published.validator().schema().form();
        LookupResolver lookups = lookups(published.app());
        return new FormulaContext() {
            @Override
            public boolean has(String path) {
                return model.field(path.split("\\.", 2)[0]).isPresent();
            }

            @Override
            public Object value(String path) {
                int dot = path.indexOf('.');
                if (dot < 0) {
                    return FormulaValue.of(record.path(path));
                }
                FieldModel field = model.field(path.substring(0, dot)).orElseThrow();
                String rest = path.substring(dot + 1);
                JsonNode value = record.path(field.key());
                if (field.type() == FieldType.SUBTABLE) {
                    List<Object> column = new ArrayList<>();
                    value.forEach(row -> column.add(FormulaValue.of(row.path(rest))));
                    return column;
                }
                return value.isIntegralNumber() ? lookups.value(field.lookupForm(), value.longValue(), rest) : null;
            }

            @Override
            public Object match(String form, String field, Map<String, Object> keys) {
                return lookups.match(form, field, keys);
            }

            @Override
            public LocalDate today() {
                return LocalDate.now(clock);
            }
        };
    }

    private RecordStore store(PublishedForms.Published published) {
        return stores.computeIfAbsent(published.app() + "/" + published.form() + "/" + published.version() + ":"
                        + published.checksum(),
                key -> new RecordStore(dataSource, published.app(), published.version(), published.validator(),
                        Clock.systemUTC(), lookups(published.app())));
    }

    /**
     * Formulas reading a lookup's target ({@code dealer.credit_limit}) read its live record whoever saves: a stored
     * value must not depend on who saved it. Whether the writer may refer to the target at all is checked apart, with
     * their own row scope ({@link UserReferences}).
     */
    private LookupResolver lookups(String app) {
        return new Lookups(app, null);
    }

    /** Lookup reads of one app; with {@code kept}, the records read so far in one computation, by form and id. */
    private final class Lookups implements LookupResolver {

        private final String app;
        private final Map<String, Optional<ObjectNode>> kept;

        private Lookups(String app, Map<String, Optional<ObjectNode>> kept) {
            this.app = app;
            this.kept = kept;
        }

        @Override
        public LookupResolver forOneComputation() {
            return new Lookups(app, new HashMap<>());
        }

        @Override
        public Object value(String form, long id, String field) {
            Optional<ObjectNode> record = kept == null ? read(form, id) : kept.computeIfAbsent(form + "/" + id,
                    key -> read(form, id));
            return record.map(found -> FormulaValue.of(found.path(field))).orElse(null);
        }

        private Optional<ObjectNode> read(String form, long id) {
            Optional<PublishedForms.Published> target = forms.latest(app, form);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            try {
                return store(target.get()).find(List.of(id), RowFilter.ALL, Set.of()).stream().findFirst();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read record " + id + " of form '" + form + "'", e);
            }
        }

        /**
         * {@code LOOKUP}: like a lookup's read, done by the platform for the form whoever saves (a dealer is priced
         * from a price list it may not read), through the target's list query: the newest live record whose key
         * fields equal the values. A value the key field cannot hold (text for a number) matches nothing.
         */
        @Override
        public Object match(String form, String field, Map<String, Object> keys) {
            Optional<PublishedForms.Published> target = forms.latest(app, form);
            if (target.isEmpty()) {
                return null;
            }
            List<ListQuery.Filter> filters = new ArrayList<>();
            keys.forEach((key, value) -> filters.add(new ListQuery.Filter(key, ListQuery.Op.EQ, filterText(value))));
            try {
                return store(target.get()).list(new ListQuery(filters, null, true, 1, null, RowFilter.ALL, Set.of()))
                        .records().stream().findFirst().map(record -> FormulaValue.of(record.path(field)))
                        .orElse(null);
            } catch (InvalidQueryException unmatchable) {
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot look up a record of form '" + form + "'", e);
            }
        }
    }

    /** A formula value as a list filter takes it: numbers in plain decimals, dates in ISO. */
    public static String filterText(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString()
                : value instanceof Boolean b ? b.toString() : value.toString();
    }

    /** What one user may do with one published form, and its store. */
    public final class Access {

        private final PublishedForms.Published published;
        private final UserContext user;
        private final RecordStore store;
        /** The reader's own dealer records that row conditions read, by form. */
        private final Map<String, ObjectNode> readerRecords = new ConcurrentHashMap<>();

        private Access(PublishedForms.Published published, UserContext user, RecordStore store, Authentication auth) {
            this.published = published;
            this.user = user;
            this.store = store.withReferences(
                    new UserReferences(FormRecords.this, files, published.app(), published.form(), auth, user.userId()))
                    .withHooks(hooksOf(published.app(), published.form()));
        }

        public PublishedForms.Published published() {
            return published;
        }

        /** The store as this user uses it: lookup targets and files checked, lookups shown, through {@link UserReferences}. */
        public RecordStore store() {
            return store;
        }

        public FormPermission permission() {
            return published.permission();
        }

        public Actor actor() {
            return new Actor(user.userId(), user.orgId(), user.dealerId());
        }

        /**
         * The union of the granted row scopes, each as the filter it stands for; a scope granted with row conditions
         * only with them (the reader's own values, such as {@code $dealer.level}, read once per access).
         */
        public RowFilter rows() {
            if (permission().seesAllRows()) {
                return RowFilter.ALL;
            }
            Set<RowFilter> filters = new LinkedHashSet<>();
            for (RowScope scope : permission().rowScopes()) {
                filters.add(scoped(scope));
            }
            for (FormPermission.FilteredScope filtered : permission().filtered()) {
                List<RowFilter> all = new ArrayList<>(List.of(scoped(filtered.scope())));
                filtered.conditions().forEach(c -> all.add(RowFilter.field(c.field(), RowCondition.CONTAINS.equals(c.op()),
                        readerValue(c), c.orBlank())));
                filters.add(RowFilter.allOf(all));
            }
            return filters.size() == 1 ? filters.iterator().next() : RowFilter.anyOf(List.copyOf(filters));
        }

        private RowFilter scoped(RowScope scope) {
            return switch (scope) {
                case OWN -> RowFilter.ownerIn(Set.of(user.userId()));
                case OWN_ORG, ORG_SUBTREE -> RowFilter.orgIn(permission().orgIds());
                case OWN_DEALER -> RowFilter.dealer(user.dealerId());
                case ALL -> RowFilter.ALL;
            };
        }

        /**
         * A condition's value: a literal, or for {@code $form.field} that field of the reader's own dealer's record of
         * the form (the record whose dealer scope is the reader's dealer code), read by the platform; null when the
         * reader has no dealer, no such record or a blank value.
         */
        private Object readerValue(RowCondition condition) {
            String[] reader = condition.readerField();
            if (reader == null) {
                return condition.value();
            }
            if (user.dealerId() == null) {
                return null;
            }
            ObjectNode record = readerRecords.computeIfAbsent(reader[0], this::ownDealerRecord);
            return record.isEmpty() ? null : FormulaValue.of(record.path(reader[1]));
        }

        private ObjectNode ownDealerRecord(String form) {
            Optional<PublishedForms.Published> target = forms.latest(published.app(), form);
            if (target.isEmpty()) {
                return JsonNodeFactory.instance.objectNode();
            }
            try {
                return FormRecords.this.store(target.get()).list(ListQuery.firstPage(1)
                                .scoped(RowFilter.dealer(user.dealerId()), Set.of())).records().stream().findFirst()
                        .orElseGet(JsonNodeFactory.instance::objectNode);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the dealer record of form '" + form + "'", e);
            }
        }

        /** Keys of the fields the user may not see: never shown, queried, filtered, sorted or exported. */
        public Set<String> hidden() {
            return fieldsWith(FieldAccess.HIDDEN);
        }

        private Set<String> fieldsWith(FieldAccess fieldAccess) {
            Set<String> keys = new LinkedHashSet<>();
            permission().fields().forEach((key, granted) -> {
                if (granted == fieldAccess) {
                    keys.add(key);
                }
            });
            return keys;
        }

        /**
         * The errors for members the user may not write: read-only fields as {@code read_only}, hidden ones as
         * {@code unknown_field} so that the refusal does not reveal them; {@code prefix} is put before each pointer
         * (an import row's, say).
         */
        public List<RecordError> unwritable(ObjectNode members, String prefix, Locale locale) {
            List<RecordError> errors = new ArrayList<>();
            if (members == null) {
                return errors;
            }
            for (Iterator<String> names = members.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                FieldAccess granted = permission().field(name);
                if (granted == FieldAccess.READ_ONLY) {
                    errors.add(RecordError.of(prefix + "/" + name, ErrorCode.READ_ONLY, label(name), null, locale));
                } else if (granted == FieldAccess.HIDDEN) {
                    errors.add(RecordError.of(prefix + "/" + name, ErrorCode.UNKNOWN_FIELD,
                            new LocalizedText(name, name), null, locale));
                }
            }
            return errors;
        }

        /** 422 when {@link #unwritable} finds anything. */
        public void refuseUnwritable(ObjectNode members, Locale locale) {
            List<RecordError> errors = unwritable(members, "", locale);
            if (!errors.isEmpty()) {
                throw FormController.invalidRecord(errors);
            }
        }

        /**
         * The field at {@code path} (a key, or {@code subtable.column} for a sub-table column), unless the user may not
         * see it.
         */
        public Optional<FieldModel> field(String path) {
            String[] parts = path.split("\\.", -1);
            if (parts.length > 2 || hidden().contains(parts[0])) {
                return Optional.empty();
            }
            Optional<FieldModel> top = published.validator().schema().form().field(parts[0]);
            return parts.length == 1 ? top.filter(f -> f.type() != FieldType.SUBTABLE)
                    : top.filter(f -> f.type() == FieldType.SUBTABLE).flatMap(f -> f.column(parts[1]));
        }

        /**
         * Whether the user may give the field at {@code path} a value: they see it, it is not read-only for them, and
         * the platform does not set it (serial, formula, {@code readOnly}, also of the sub-table holding a column).
         */
        public boolean writable(String path) {
            String top = path.split("\\.", -1)[0];
            boolean platformSet = published.validator().schema().form().field(top).map(FieldModel::systemSet).orElse(true);
            return permission().field(top) == FieldAccess.EDITABLE && !platformSet
                    && field(path).filter(f -> !f.systemSet()).isPresent();
        }

        public LocalizedText label(String key) {
            return published.validator().schema().form().fields().stream().filter(f -> f.key().equals(key))
                    .findFirst().map(FieldModel::label).orElse(new LocalizedText(key, key));
        }

        /** The live record in the user's scope without hidden fields; 404 for every other id alike. */
        public ObjectNode visible(long id) throws SQLException {
            return store.read(id, rows(), hidden()).orElseThrow(() -> notFound(id));
        }

        /**
         * 404 unless record {@code id}, live or deleted, is in the user's row scope; the store reads live records
         * only, and restore and history also reach deleted ones.
         */
        public void requireInScope(long id) throws SQLException {
            List<Object> params = new ArrayList<>(List.of(id));
            String sql = "SELECT 1 FROM " + SqlNames.quote(SqlNames.table(published.app(), published.form()))
                    + " WHERE " + SqlNames.quote(SystemColumns.ID) + " = ? AND (" + rows().sql(params) + ")";
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(id);
                    }
                }
            }
        }
    }

    /** A call into a record store. */
    public interface StoreCall<T> {
        T run() throws SQLException;
    }

    /** Runs a store call, its refusals answered as the API's errors: 404, 409 conflict.stale, 422 record.invalid. */
    public static <T> T call(long id, StoreCall<T> work) throws SQLException {
        try {
            return work.run();
        } catch (RecordNotFoundException e) {
            throw notFound(id);
        } catch (StaleRecordException e) {
            throw ApiException.conflict("conflict.stale", "Someone else changed this record in the meantime; reload and retry");
        } catch (InvalidRecordException e) {
            throw FormController.invalidRecord(e.errors());
        }
    }

    public static ApiException notFound(long id) {
        return ApiException.notFound("Record " + id);
    }
}
