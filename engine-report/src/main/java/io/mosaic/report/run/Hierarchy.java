package io.mosaic.report.run;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.store.SqlNames;
import io.mosaic.form.store.SystemColumns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dimension rolled up a tree of records: a lookup to a form whose records have a parent lookup to the same form
 * (regions: city → province → area). The statement joins the chain of parents, at most {@link #DEPTH} records deep,
 * and groups by the display field of the ancestor at {@code level} (1 is the top of the tree); a record nearer the
 * top than {@code level} stands for itself, and without a level the record itself is shown by its display field.
 *
 * @param joins the LEFT JOINs of the chain, to add to the statement when the dimension is shown
 * @param sql   the grouped expression
 */
record Hierarchy(List<String> joins, String sql) {

    static final int DEPTH = 5;

    /**
     * The roll-up of {@code field} (the model of the lookup it reads), or empty with a problem at {@code pointer}
     * when the field is no lookup or its form has no parent lookup.
     */
    static Optional<Hierarchy> of(String app, FieldRef field, FieldModel lookup, FormModels forms, Integer level,
                                  String alias, String pointer, List<DefinitionProblem> problems) {
        Optional<FormModel> target = lookup == null || lookup.type() != FieldType.LOOKUP ? Optional.empty()
                : forms.form(lookup.lookupForm());
        Optional<FieldModel> parent = target.flatMap(form -> form.fields().stream()
                .filter(f -> f.type() == FieldType.LOOKUP && form.key().equals(f.lookupForm())).findFirst());
        if (parent.isEmpty()) {
            problems.add(DefinitionProblem.at(pointer + "/field", "A hierarchy rolls up an org unit field, or a "
                    + "lookup to a form whose records have a parent of the same form; '" + field.path() + "' is neither"));
            return Optional.empty();
        }
        FormModel tree = target.get();
        String display = lookup.lookupDisplayField() != null ? lookup.lookupDisplayField()
                : tree.titleField() != null ? tree.titleField() : SystemColumns.ID;
        String table = SqlNames.quote(SqlNames.table(app, tree.key()));
        List<String> joins = new ArrayList<>();
        for (int k = 0; k < DEPTH; k++) {
            String on = k == 0 ? field.sql() : Sources.column(alias + (k - 1), parent.get().key());
            joins.add(" LEFT JOIN " + table + " " + alias + k + " ON " + Sources.column(alias + k, SystemColumns.ID)
                    + " = " + on);
        }
        if (level == null) {
            return Optional.of(new Hierarchy(joins, Sources.column(alias + 0, display)));
        }
        // A record with k ancestors is at depth k + 1; its ancestor at level L is the chain's (k + 1 - L)th.
        StringBuilder sql = new StringBuilder("CASE");
        for (int k = DEPTH - 1; k >= 0; k--) {
            int at = Math.max(0, k + 1 - level);
            sql.append(" WHEN ").append(Sources.column(alias + k, SystemColumns.ID)).append(" IS NOT NULL THEN ")
                    .append(Sources.column(alias + at, display));
        }
        return Optional.of(new Hierarchy(joins, sql.append(" END").toString()));
    }
}
