package io.mosaic.api.definition;

import java.util.List;

/**
 * A kind of definition the metadata repository stores: an app manifest, a form, a process,
 * a rule set, a decision table, a dataset, a report or a dashboard.
 *
 * <p>Engines register their kinds through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.mosaic.api.definition.DefinitionKind}); the repository stores
 * content verbatim and knows nothing of its insides beyond what this interface answers.
 */
public interface DefinitionKind {

    /** Stable key used in URLs, storage and template packs, e.g. {@code form} or {@code process}. */
    String key();

    /** File name suffix inside a template pack, e.g. {@code .form.json} or {@code .bpmn20.xml}. */
    String fileSuffix();

    /** How the content is written. */
    DefinitionFormat format();

    /** Human name of the kind, for the designers. */
    LocalizedText label();

    /**
     * Checks a definition that is about to be saved or published under {@code key}.
     * Never throws for bad content: every problem is returned, each pointing at the offending
     * element (a JSON Pointer for JSON content, an element id for BPMN).
     *
     * @return an empty list when the definition is valid
     */
    List<DefinitionProblem> validate(String key, String content);

    /**
     * Checks that replacing the published {@code current} content by {@code next} loses no data
     * (for a form: no column narrowed or retyped). Called on publish and on pack upgrade.
     *
     * @return problems explaining what would be lost; empty when the change is safe
     */
    default List<DefinitionProblem> checkUpgrade(String key, String current, String next) {
        return List.of();
    }
}
