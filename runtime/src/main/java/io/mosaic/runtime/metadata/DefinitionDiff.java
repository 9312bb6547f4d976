package io.mosaic.runtime.metadata;

import java.util.List;

/**
 * What a draft changes against the newest published version.
 *
 * @param baseVersion  the published version compared against, null when never published
 * @param changed      whether the draft differs at all
 * @param changes      for JSON kinds: one entry per changed JSON Pointer; empty for XML kinds
 * @param unifiedDiff  a line diff of the (pretty-printed) contents, for every kind
 */
public record DefinitionDiff(Integer baseVersion, boolean changed, List<Change> changes, String unifiedDiff) {

    /**
     * One change at one place.
     *
     * @param op      {@code add}, {@code remove} or {@code replace}
     * @param pointer JSON Pointer of the changed value
     * @param before  the published value (JSON text), null for {@code add}
     * @param after   the draft value (JSON text), null for {@code remove}
     */
    public record Change(String op, String pointer, String before, String after) {
    }
}
