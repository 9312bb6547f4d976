package io.mosaic.form.store;

import io.mosaic.api.definition.DefinitionProblem;

import java.util.List;

/**
 * What publishing a form version does to its tables: the DDL steps in order, or, when the new
 * version would lose stored values, the problems (pointing into the new definition) and no steps.
 */
public record SyncPlan(String form, List<DdlStep> steps, List<DefinitionProblem> problems) {

    public SyncPlan {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
        if (!problems.isEmpty() && !steps.isEmpty()) {
            throw new IllegalArgumentException("A refused plan has no steps");
        }
    }

    static SyncPlan refused(String form, List<DefinitionProblem> problems) {
        return new SyncPlan(form, List.of(), problems);
    }

    public boolean isRefused() {
        return !problems.isEmpty();
    }

    /** Whether the tables already match the definition. */
    public boolean isEmpty() {
        return steps.isEmpty() && problems.isEmpty();
    }

    /** The statements as MySQL and MariaDB run them. */
    public List<String> statements() {
        return statements(SchemaSync.MYSQL_TABLE_OPTIONS);
    }

    List<String> statements(String tableOptions) {
        return steps.stream().map(s -> s.sql(tableOptions)).toList();
    }
}
