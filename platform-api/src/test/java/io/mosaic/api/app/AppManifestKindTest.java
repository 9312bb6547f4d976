package io.mosaic.api.app;

import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AppManifestKindTest {

    private final AppManifestKind kind = new AppManifestKind();

    @Test
    void acceptsCompleteManifest() {
        assertThat(kind.validate("crm", fixture("complete.app.json"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "missing-name.app.json, /name",
            "name-without-english.app.json, /name/en",
            "key-with-capitals.app.json, /key",
            "version-not-semver.app.json, /version",
            "platform-range-malformed.app.json, /platform",
            "duplicate-role-key.app.json, /roles/2/key",
            "duplicate-menu-key-in-children.app.json, /menus/1/children/0/key",
            "duplicate-definition.app.json, /definitions/2",
            "menu-target-not-listed.app.json, /menus/1/children/0/target",
            "grant-form-not-listed.app.json, /roles/0/grants/0/form",
            "unknown-grant-action.app.json, /roles/0/grants/0/actions/1",
            "unknown-row-scope.app.json, /roles/0/grants/0/rowScope",
            "editable-field-access.app.json, /roles/0/grants/0/fields/credit_limit",
            "menu-role-not-declared.app.json, /menus/0/roles/1",
            "unknown-member.app.json, /colour",
            "lists-an-app.app.json, /definitions/2/kind",
    })
    void refusesInvalidManifestAtPointer(String fixture, String pointer) {
        List<DefinitionProblem> problems = kind.validate("crm", fixture(fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(pointer);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void namesTheAllowedRowScopesInLowerCase() {
        assertThat(kind.validate("crm", fixture("unknown-row-scope.app.json")))
                .singleElement().extracting(DefinitionProblem::message).asString()
                .contains("'region'", "own, own_org, org_subtree, own_dealer, all");
    }

    @Test
    void refusesKeyDifferentFromTheSavedKey() {
        assertThat(kind.validate("sales", fixture("complete.app.json")))
                .containsExactly(DefinitionProblem.at("/key",
                        "The definition's key is 'crm' but it is saved under 'sales'"));
    }

    @Test
    void reportsLineAndColumnOfUnparseableContent() {
        assertThat(kind.validate("crm", fixture("unparseable.app.json")))
                .singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEmpty();
                    assertThat(p.message()).startsWith("Not valid JSON at line 4, column");
                });
    }

    @Test
    void refusesRepeatedMember() {
        assertThat(kind.validate("crm", fixture("duplicate-member.app.json")))
                .singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEmpty();
                    assertThat(p.message()).contains("Duplicate field 'key'");
                });
    }

    @Test
    void refusesEmptyContentAndNonObjects() {
        assertThat(kind.validate("crm", "  ")).containsExactly(DefinitionProblem.at("", "The definition is empty"));
        assertThat(kind.validate("crm", "[1, 2]")).extracting(DefinitionProblem::pointer).containsExactly("");
    }

    @Test
    void refusesHostileNestingAsAProblemNotAnError() {
        String deep = "{\"menus\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThat(kind.validate("crm", deep))
                .containsExactly(DefinitionProblem.at("", "The definition is nested deeper than 64 levels"));
    }

    @Test
    void isRegisteredForServiceLoading() {
        assertThat(DefinitionKinds.load().find("app")).containsInstanceOf(AppManifestKind.class);
        assertThat(DefinitionKinds.load().forFileName("app.json")).containsInstanceOf(AppManifestKind.class);
    }

    static String fixture(String name) {
        try (InputStream in = AppManifestKindTest.class.getResourceAsStream("/app/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
