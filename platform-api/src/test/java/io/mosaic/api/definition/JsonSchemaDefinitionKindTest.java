package io.mosaic.api.definition;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSchemaDefinitionKindTest {

    /** Refuses the name "forbidden" semantically, and records which definitions reached its semantic checks. */
    static final class NoteKind extends JsonSchemaDefinitionKind {
        final List<JsonNode> checked = new ArrayList<>();

        NoteKind() {
            super("note", ".note.json", new LocalizedText("便签", "Note"), "note.schema.json");
        }

        @Override
        protected List<DefinitionProblem> semanticProblems(JsonNode note) {
            checked.add(note);
            return note.at("/name/en").asText().equals("forbidden")
                    ? List.of(DefinitionProblem.at("/name/en", "This name is taken")) : List.of();
        }
    }

    private final NoteKind kind = new NoteKind();

    @Test
    void acceptsValidDefinitionAfterItsSemanticChecks() {
        assertThat(kind.validate("memo", note("\"author\": \"ana@example.com\", \"due\": \"2026-12-01\""))).isEmpty();
        assertThat(kind.checked).hasSize(1);
    }

    @Test
    void assertsFormats() {
        assertThat(kind.validate("memo", note("\"author\": \"not an address\", \"due\": \"2026-13-01\"")))
                .extracting(DefinitionProblem::pointer).containsExactlyInAnyOrder("/author", "/due");
    }

    @Test
    void pointsAtTheMissingOrUnexpectedMemberItself() {
        assertThat(kind.validate("memo", "{\"key\": \"memo\", \"colour\": \"red\"}"))
                .extracting(DefinitionProblem::pointer).containsExactlyInAnyOrder("/name", "/colour");
    }

    @Test
    void escapesMemberNamesInPointers() {
        assertThat(kind.validate("memo", note("\"tags\": {\"a/b~c\": 1}")))
                .extracting(DefinitionProblem::pointer).containsExactly("/tags/a~1b~0c");
    }

    @Test
    void runsSemanticChecksOnlyOnceTheSchemaPasses() {
        List<DefinitionProblem> problems = kind.validate("memo",
                "{\"key\": \"memo\", \"name\": {\"zh-CN\": \"备忘\", \"en\": \"forbidden\"}, \"due\": 5}");

        assertThat(problems).extracting(DefinitionProblem::pointer).containsExactly("/due");
        assertThat(kind.checked).isEmpty();
        assertThat(kind.validate("memo", "{\"key\": \"memo\", \"name\": {\"zh-CN\": \"备忘\", \"en\": \"forbidden\"}}"))
                .containsExactly(DefinitionProblem.at("/name/en", "This name is taken"));
    }

    @Test
    void startsSchemaMessagesWithACapital() {
        assertThat(kind.validate("memo", "{\"key\": \"memo\"}"))
                .containsExactly(DefinitionProblem.at("/name", "Required property 'name' not found"));
    }

    @Test
    void refusesTrailingContent() {
        assertThat(kind.validate("memo", note("") + " {}"))
                .singleElement().extracting(DefinitionProblem::message).asString().startsWith("Not valid JSON at line 1");
    }

    @Test
    void buildsPointersFromTokens() {
        assertThat(JsonSchemaDefinitionKind.pointer("/fields/0", "key")).isEqualTo("/fields/0/key");
        assertThat(JsonSchemaDefinitionKind.pointer("", "a/b")).isEqualTo("/a~1b");
    }

    private static String note(String extraMembers) {
        return "{\"key\": \"memo\", \"name\": {\"zh-CN\": \"备忘\", \"en\": \"Memo\"}"
                + (extraMembers.isEmpty() ? "" : ", " + extraMembers) + "}";
    }
}
