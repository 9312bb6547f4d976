package io.mosaic.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.store.SqlNames;
import io.mosaic.form.store.SystemColumns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables a dataset reads and how its field paths name their columns: the source form ({@code s}), its
 * sub-table's rows ({@code c}, one result row per line) and the targets of its lookups ({@code l0}, {@code l1}…,
 * joined by id; a lookup may be a field of the form or a column of the sub-table).
 */
final class Sources {

    static final String SOURCE = "s";
    static final String CHILD = "c";

    /** System columns a dataset may use as fields, with what they hold. */
    private static final Map<String, ValueType> SYSTEM = Map.of(
            SystemColumns.ID, ValueType.REFERENCE,
            SystemColumns.OWNER_ID, ValueType.REFERENCE,
            SystemColumns.ORG_ID, ValueType.REFERENCE,
            SystemColumns.DEALER_ID, ValueType.TEXT,
            SystemColumns.CREATED_BY, ValueType.REFERENCE,
            SystemColumns.CREATED_AT, ValueType.DATETIME,
            SystemColumns.UPDATED_AT, ValueType.DATETIME,
            SystemColumns.WORKFLOW_STATUS, ValueType.TEXT);

    record Lookup(String key, String alias, FormModel target, boolean inSubtable) {
    }

    final String app;
    final FormModel form;
    final FieldModel subtable;
    final Map<String, Lookup> lookups = new LinkedHashMap<>();

    private Sources(String app, FormModel form, FieldModel subtable) {
        this.app = app;
        this.form = form;
        this.subtable = subtable;
    }

    /** Null (with problems added) when the source form, sub-table or a lookup does not resolve. */
    static Sources of(String app, JsonNode source, FormModels forms, List<DefinitionProblem> problems) {
        String formKey = source.path("form").asText();
        Optional<FormModel> form = forms.form(formKey);
        if (form.isEmpty()) {
            problems.add(DefinitionProblem.at("/source/form", "The app has no published form '" + formKey + "'"));
            return null;
        }
        FieldModel subtable = null;
        if (source.has("subtable")) {
            String key = source.get("subtable").asText();
            subtable = form.get().field(key).filter(f -> f.type() == FieldType.SUBTABLE).orElse(null);
            if (subtable == null) {
                problems.add(DefinitionProblem.at("/source/subtable", "'" + key + "' is not a sub-table of form '"
                        + formKey + "'"));
                return null;
            }
        }
        Sources sources = new Sources(app, form.get(), subtable);
        JsonNode lookups = source.path("lookups");
        for (int i = 0; i < lookups.size(); i++) {
            String key = lookups.get(i).asText();
            String at = "/source/lookups/" + i;
            Optional<FieldModel> top = form.get().field(key).filter(f -> f.type() == FieldType.LOOKUP);
            Optional<FieldModel> column = subtable == null ? Optional.empty()
                    : subtable.column(key).filter(f -> f.type() == FieldType.LOOKUP);
            FieldModel lookup = top.or(() -> column).orElse(null);
            if (lookup == null) {
                problems.add(DefinitionProblem.at(at, "'" + key + "' is not a lookup field of form '" + formKey
                        + "'" + (subtable == null ? "" : " nor of its sub-table '" + subtable.key() + "'")));
                continue;
            }
            Optional<FormModel> target = forms.form(lookup.lookupForm());
            if (target.isEmpty()) {
                problems.add(DefinitionProblem.at(at, "The lookup '" + key + "' points at form '" + lookup.lookupForm()
                        + "', which the app has not published"));
                continue;
            }
            sources.lookups.put(key, new Lookup(key, "l" + sources.lookups.size(), target.get(), top.isEmpty()));
        }
        return sources;
    }

    /** The source form and the forms of its lookups: what a result depends on. */
    List<String> forms() {
        List<String> keys = new ArrayList<>(List.of(form.key()));
        lookups.values().forEach(l -> {
            if (!keys.contains(l.target().key())) {
                keys.add(l.target().key());
            }
        });
        return keys;
    }

    /** Every table of the dataset, joined: the FROM clause. */
    String from() {
        StringBuilder from = new StringBuilder(" FROM ").append(SqlNames.quote(SqlNames.table(app, form.key())))
                .append(' ').append(SOURCE);
        if (subtable != null) {
            from.append(" JOIN ").append(SqlNames.quote(SqlNames.childTable(app, form.key(), subtable.key())))
                    .append(' ').append(CHILD).append(" ON ").append(column(CHILD, SystemColumns.PARENT_ID))
                    .append(" = ").append(column(SOURCE, SystemColumns.ID));
        }
        for (Lookup lookup : lookups.values()) {
            from.append(" LEFT JOIN ").append(SqlNames.quote(SqlNames.table(app, lookup.target().key())))
                    .append(' ').append(lookup.alias()).append(" ON ").append(column(lookup.alias(), SystemColumns.ID))
                    .append(" = ").append(column(lookup.inSubtable() ? CHILD : SOURCE, lookup.key()));
        }
        return from.toString();
    }

    /**
     * The column of a field path, or empty with a problem at {@code pointer}: a field or system column of the form,
     * {@code <subtable>.<column>}, or {@code <lookup>.<field of its target>}.
     */
    Optional<FieldRef> resolve(String path, String pointer, List<DefinitionProblem> problems) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            Optional<FieldRef> field = field(form, SOURCE, path, path, null, true);
            if (field.isEmpty()) {
                problems.add(DefinitionProblem.at(pointer, "Form '" + form.key() + "' has no field '" + path + "'"));
            }
            return field;
        }
        String head = path.substring(0, dot);
        String rest = path.substring(dot + 1);
        if (subtable != null && subtable.key().equals(head)) {
            Optional<FieldModel> column = subtable.column(rest);
            if (column.isEmpty() || column.get().type() == FieldType.SUBTABLE) {
                problems.add(DefinitionProblem.at(pointer, "The sub-table '" + head + "' has no column '" + rest + "'"));
                return Optional.empty();
            }
            return Optional.of(new FieldRef(path, column(CHILD, rest), type(column.get()), null, false));
        }
        Lookup lookup = lookups.get(head);
        if (lookup == null) {
            problems.add(DefinitionProblem.at(pointer, "'" + head + "' is neither the source's sub-table nor one of "
                    + "its joined lookups"));
            return Optional.empty();
        }
        Optional<FieldRef> field = field(lookup.target(), lookup.alias(), rest, path, head, false);
        if (field.isEmpty()) {
            problems.add(DefinitionProblem.at(pointer, "Form '" + lookup.target().key() + "' (the target of '" + head
                    + "') has no field '" + rest + "'"));
        }
        return field;
    }

    /** The model of the field a path names (a lookup's, say), or empty for a system column. */
    Optional<FieldModel> model(String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return form.field(path);
        }
        String head = path.substring(0, dot);
        String rest = path.substring(dot + 1);
        if (subtable != null && subtable.key().equals(head)) {
            return subtable.column(rest);
        }
        Lookup lookup = lookups.get(head);
        return lookup == null ? Optional.empty() : lookup.target().field(rest);
    }

    private static Optional<FieldRef> field(FormModel form, String alias, String key, String path, String lookup,
                                            boolean topLevel) {
        if (SYSTEM.containsKey(key)) {
            return Optional.of(new FieldRef(path, column(alias, key), SYSTEM.get(key), lookup, topLevel));
        }
        return form.field(key).filter(f -> f.type() != FieldType.SUBTABLE)
                .map(f -> new FieldRef(path, column(alias, key), type(f), lookup, topLevel));
    }

    private static ValueType type(FieldModel field) {
        if (field.type() == FieldType.FORMULA) {
            return ValueType.of(field.resultType().storage());
        }
        return ValueType.of(field.type().storage());
    }

    static String column(String alias, String key) {
        return SqlNames.quote(alias) + "." + SqlNames.quote(SqlNames.column(key));
    }
}
