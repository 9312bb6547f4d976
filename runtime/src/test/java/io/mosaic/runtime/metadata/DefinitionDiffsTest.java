package io.mosaic.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mosaic.runtime.metadata.DefinitionDiff.Change;

class DefinitionDiffsTest {

    private final TestNoteKind json = new TestNoteKind();

    @Test
    void pointsAtNestedMembersAndEscapesTheirNames() {
        DefinitionDiff diff = DefinitionDiffs.compare(json, "n", 1,
                "{\"a/b\": {\"c~d\": 1, \"gone\": true}, \"list\": [1, 2, 3]}",
                "{\"a/b\": {\"c~d\": 2}, \"list\": [1, 5]}");

        assertThat(diff.changes()).containsExactly(
                new Change("replace", "/a~1b/c~0d", "1", "2"),
                new Change("remove", "/a~1b/gone", "true", null),
                new Change("replace", "/list/1", "2", "5"),
                new Change("remove", "/list/2", "3", null));
        assertThat(diff.changed()).isTrue();
    }

    @Test
    void replacesAValueWhoseTypeChanges() {
        DefinitionDiff diff = DefinitionDiffs.compare(json, "n", 3, "{\"x\": [1]}", "{\"x\": {\"y\": 1}}");

        assertThat(diff.changes()).containsExactly(new Change("replace", "/x", "[1]", "{\"y\":1}"));
    }

    @Test
    void reformattedButEqualJsonIsUnchanged() {
        DefinitionDiff diff = DefinitionDiffs.compare(json, "n", 2, "{\"title\":\"T\",\"items\":[]}",
                "{\n  \"title\" : \"T\",\n  \"items\" : [ ]\n}");

        assertThat(diff.changed()).isFalse();
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.unifiedDiff()).isEmpty();
    }

    @Test
    void aNeverPublishedDraftIsAddedWhole() {
        DefinitionDiff diff = DefinitionDiffs.compare(json, "n", null, null, "{\"title\": \"New\"}");

        assertThat(diff.baseVersion()).isNull();
        assertThat(diff.changes()).containsExactly(new Change("add", "", null, "{\"title\":\"New\"}"));
        assertThat(diff.unifiedDiff()).startsWith("--- /dev/null\n+++ n.testnote.json (draft)")
                .contains("+  \"title\" : \"New\"");
    }
}
